using System;
using CommunityControl.Epidemiology;

namespace CommunityControl.Serialization;

/// <summary>
/// How large a document the readers accept: its size in bytes, how deeply it nests, how many items one array or object
/// holds, how many days a history covers, and how many problems a <see cref="DocumentFormatException"/> lists.
/// A document beyond a limit is rejected with a <see cref="DocumentProblem"/>, never another exception.
/// </summary>
/// <remarks>
/// <para>Pass an instance as the optional <c>limits</c> argument of a reader (<see cref="ZoneTreeJson.Read(System.IO.Stream, DocumentLimits?)"/>
/// and the others); null means <see cref="Default"/>. The values are checked, and copied, when a read starts: a value out
/// of its documented range makes that read throw <see cref="ArgumentOutOfRangeException"/> naming the property.</para>
/// <para>The defaults take a city-sized zone tree (Wuhan's 508,412 zones) and ten years of history, and stop a
/// document that would otherwise cost gigabytes before any problem is found.</para>
/// </remarks>
/// <threadsafety static="true" instance="false">
/// An instance may be read by many readers at once; do not change it while a read that uses it starts.
/// <see cref="Default"/> is read-only and safe to share.
/// </threadsafety>
public sealed class DocumentLimits
{
    /// <summary>The largest value <see cref="MaxDocumentBytes"/> accepts: the largest byte array .NET allocates.</summary>
    internal const int MaxDocumentBytesCeiling = 0x7FFFFFC7;

    /// <summary>The largest value <see cref="MaxDepth"/> accepts.</summary>
    internal const int MaxDepthCeiling = 64; // the depth System.Text.Json reads by default: the typed reading after the pre-pass goes no deeper

    private static readonly DocumentLimits DefaultInstance = new() { _isReadOnly = true };

    private int _maxDocumentBytes = 256 * 1024 * 1024;
    private int _maxDepth = 64;
    private int _maxItems = 5_000_000;
    private int _maxHistoryDays = 3_660;
    private int _maxProblems = 100;
    private bool _isReadOnly;

    /// <summary>Gets the default limits, read-only: every reader uses them when given no limits.</summary>
    /// <value>256 MiB, depth 64, 5,000,000 items, 3,660 history days, 100 problems.</value>
    public static DocumentLimits Default => DefaultInstance;

    /// <summary>Gets a value indicating whether the limits can no longer be changed (true only for <see cref="Default"/>).</summary>
    /// <value>True for <see cref="Default"/>; false for an instance created with <c>new</c>.</value>
    public bool IsReadOnly => _isReadOnly;

    /// <summary>Gets or sets the largest document accepted, in bytes of UTF-8 (for a string, its UTF-8 length). A stream is
    /// read in chunks and reading stops at the limit.</summary>
    /// <value>The default is 268,435,456 (256 MiB). Valid values are 1 to 2,147,483,591.</value>
    /// <exception cref="InvalidOperationException">The instance is <see cref="Default"/>, which is read-only.</exception>
    public int MaxDocumentBytes
    {
        get => _maxDocumentBytes;
        set => _maxDocumentBytes = Settable(value);
    }

    /// <summary>Gets or sets how deeply objects and arrays may nest; the root object is depth 1.</summary>
    /// <value>The default is 64. Valid values are 1 to 64 (the typed reading after the pre-pass goes no deeper).</value>
    /// <exception cref="InvalidOperationException">The instance is <see cref="Default"/>, which is read-only.</exception>
    public int MaxDepth
    {
        get => _maxDepth;
        set => _maxDepth = Settable(value);
    }

    /// <summary>Gets or sets the most items one array may hold, and the most properties one object may hold (also the most
    /// data rows of a CSV document).</summary>
    /// <value>The default is 5,000,000 (ten times the zones of Wuhan's tree). Valid values are 1 to 2,147,483,647.</value>
    /// <exception cref="InvalidOperationException">The instance is <see cref="Default"/>, which is read-only.</exception>
    public int MaxItems
    {
        get => _maxItems;
        set => _maxItems = Settable(value);
    }

    /// <summary>Gets or sets the most days an <see cref="EpidemicHistory"/> document may cover, from its first day to its
    /// last day (or its latest event) inclusive.</summary>
    /// <value>The default is 3,660 (ten years). Valid values are 1 to 36,600 (<see cref="Epidemiology.EpidemicHistory.MaxDays"/>).</value>
    /// <exception cref="InvalidOperationException">The instance is <see cref="Default"/>, which is read-only.</exception>
    public int MaxHistoryDays
    {
        get => _maxHistoryDays;
        set => _maxHistoryDays = Settable(value);
    }

    /// <summary>Gets or sets the most problems a <see cref="DocumentFormatException"/> lists; the first ones in document
    /// order are kept and <see cref="DocumentFormatException.TotalProblemCount"/> gives how many were found.</summary>
    /// <value>The default is 100. Valid values are 1 to 100,000.</value>
    /// <exception cref="InvalidOperationException">The instance is <see cref="Default"/>, which is read-only.</exception>
    public int MaxProblems
    {
        get => _maxProblems;
        set => _maxProblems = Settable(value);
    }

    /// <summary>Checks every value and copies them for one read.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its documented range; the parameter name is the property's.</exception>
    internal static Limits Resolve(DocumentLimits? limits)
    {
        var l = limits ?? DefaultInstance;
        return new Limits(
            Check(l.MaxDocumentBytes, 1, MaxDocumentBytesCeiling, nameof(MaxDocumentBytes)),
            Check(l.MaxDepth, 1, MaxDepthCeiling, nameof(MaxDepth)),
            Check(l.MaxItems, 1, int.MaxValue, nameof(MaxItems)),
            Check(l.MaxHistoryDays, 1, Epidemiology.EpidemicHistory.MaxDays, nameof(MaxHistoryDays)),
            Check(l.MaxProblems, 1, 100_000, nameof(MaxProblems)));
    }

    private static int Check(int value, int minimum, int maximum, string property)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(property, value, $"DocumentLimits.{property} must be between {minimum} and {maximum}; it is {value}.");
        }

        return value;
    }

    private int Settable(int value)
    {
        if (_isReadOnly)
        {
            throw new InvalidOperationException("DocumentLimits.Default is read-only; create a new DocumentLimits to change a limit.");
        }

        return value;
    }
}

/// <summary>The checked values of a <see cref="DocumentLimits"/>, copied when a read starts.</summary>
internal readonly struct Limits
{
    public Limits(int maxDocumentBytes, int maxDepth, int maxItems, int maxHistoryDays, int maxProblems)
    {
        MaxDocumentBytes = maxDocumentBytes;
        MaxDepth = maxDepth;
        MaxItems = maxItems;
        MaxHistoryDays = maxHistoryDays;
        MaxProblems = maxProblems;
    }

    public static Limits Default => DocumentLimits.Resolve(null);

    public int MaxDocumentBytes { get; }

    public int MaxDepth { get; }

    public int MaxItems { get; }

    public int MaxHistoryDays { get; }

    public int MaxProblems { get; }
}
