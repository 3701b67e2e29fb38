using System;
using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>Read-only lists for presets shared between threads and callers.</summary>
internal static class MeasureLists
{
    public static IReadOnlyList<T> Of<T>(params T[] items) => Array.AsReadOnly(items);
}
