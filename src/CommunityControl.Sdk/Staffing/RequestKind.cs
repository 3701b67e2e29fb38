namespace CommunityControl.Staffing;

/// <summary>What a sealed household asks the community to buy and deliver (代购代送).</summary>
public enum RequestKind
{
    /// <summary>Not set; rejected.</summary>
    Unknown = 0,

    /// <summary>Groceries and daily necessities (生活物资), usually bought in a building's group-buy batch.</summary>
    Groceries = 1,

    /// <summary>Medicine (药品).</summary>
    Medicine = 2,
}
