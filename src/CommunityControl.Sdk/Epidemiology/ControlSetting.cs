namespace CommunityControl.Epidemiology;

/// <summary>Where an infection was found: in the community, or already under control.</summary>
/// <remarks>
/// The 2022-11 and 2022-12 editions draw no risk area for infections found in centralized quarantine, in a closed loop
/// or in strict home isolation with no outside risk (cn-policy §6.7 #4, §6.8 #4). Values never change between versions.
/// </remarks>
public enum ControlSetting
{
    /// <summary>Found in the community, under no control measure.</summary>
    None = 0,

    /// <summary>Found in centralized quarantine (集中隔离).</summary>
    CentralizedQuarantine = 1,

    /// <summary>Found in closed-loop work (闭环管理), with no outside risk.</summary>
    ClosedLoop = 2,

    /// <summary>Found in strict home isolation or home quarantine (居家隔离), with no outside-household risk.</summary>
    HomeIsolation = 3,
}
