namespace CommunityControl.Records;

/// <summary>An entry of an <see cref="InternTable{TId, TEntry}"/>: it knows the id it is kept under.</summary>
/// <typeparam name="TId">The id type.</typeparam>
internal interface IInterned<TId>
{
    /// <summary>Gets the id the entry is kept under.</summary>
    TId Id { get; }

    /// <summary>Whether <paramref name="id"/> equals <see cref="Id"/> (ordinal), answered from the entry where it can be.</summary>
    bool Matches(TId id);
}
