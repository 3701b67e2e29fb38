using System;
using System.Threading.Tasks;

namespace CommunityControl.Testing;

/// <summary>
/// One check of a store's contract (see <see cref="StoreConformance"/>): a name to show in a test runner and the check
/// itself, which throws (a FluentAssertions failure, in the test framework's own exception type) when the store breaks
/// the contract.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable; each run creates its own store with the factory given.</threadsafety>
public sealed class StoreConformanceCheck
{
    private readonly Func<Task> _run;

    internal StoreConformanceCheck(string name, Func<Task> run)
    {
        Name = name;
        _run = run;
    }

    /// <summary>Gets the check's name, e.g. <c>AppendAsync_SameKeyTwice_RecordsOnce</c>: unique within its store's list.</summary>
    public string Name { get; }

    /// <summary>Runs the check on a new store from the factory given to <see cref="StoreConformance"/>.</summary>
    /// <returns>A task that completes when the check passed, and faults with the failure otherwise.</returns>
    public Task RunAsync() => _run();

    /// <summary>Returns the check's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
