namespace CommunityControl.Measures;

/// <summary>
/// The observation, isolation or monitoring a person is under (cn-policy §2, 2022 wording [S44]).
/// </summary>
/// <remarks>Values never change between versions.</remarks>
public enum MonitoringStatus
{
    /// <summary>Under none.</summary>
    None = 0,

    /// <summary>Home medical observation (居家医学观察): single room, no going out, no contact, temperature morning and evening reported to the community observer.</summary>
    HomeMedicalObservation = 1,

    /// <summary>Home health monitoring (居家健康监测): single room and own bathroom, no non-essential outing; going out needs community approval; no public transport.</summary>
    HomeHealthMonitoring = 2,

    /// <summary>Home isolation (居家隔离): needs one person, one room, one bathroom (一人一室一卫), otherwise centralized; no going out.</summary>
    HomeIsolation = 3,

    /// <summary>Centralized quarantine at a designated place (集中隔离医学观察).</summary>
    CentralizedQuarantine = 4,

    /// <summary>Self health monitoring (自我健康监测): temperature and symptoms twice a day; no restriction of movement.</summary>
    SelfHealthMonitoring = 5,
}
