namespace CommunityControl.Measures;

/// <summary>Whether visitors are let in.</summary>
/// <remarks>Values never change between versions.</remarks>
public enum VisitorPolicy
{
    /// <summary>Not set; rejected in a measure table.</summary>
    Unknown = 0,

    /// <summary>Visitors are barred, except for the special reasons listed (Wuhan 2020-02-14; Beijing 2020-02-09 registers them).</summary>
    Barred = 1,

    /// <summary>Visitors are let in when a resident confirms them (Daqing ~2020-03), and registered.</summary>
    AdmittedOnResidentConfirmation = 2,

    /// <summary>Visitors are let in (with the other checks of the level).</summary>
    Admitted = 3,
}
