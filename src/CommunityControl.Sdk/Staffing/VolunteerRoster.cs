using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Internal;

namespace CommunityControl.Staffing;

/// <summary>
/// The volunteers of a community and where each sign-up stands: signed up → vetted → rostered, or rejected or withdrawn,
/// moving only as <see cref="CanMove(VettingState, VettingState)"/> allows.
/// </summary>
/// <remarks>A sign-up without a health declaration (<see cref="VolunteerSignUp.HealthDeclared"/>) cannot be vetted.</remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use: every method is atomic (one lock), and of two
/// concurrent moves of one volunteer exactly those allowed from the state each finds succeed.</threadsafety>
public sealed class VolunteerRoster
{
    private readonly object _gate = new();
    private readonly Dictionary<PersonId, Entry> _entries = new();

    /// <summary>Gets how many sign-ups the roster holds, in every state.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Tests whether a sign-up may move from one state to another.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The new state.</param>
    /// <returns>True for signed up → vetted, rejected or withdrawn; vetted → rostered, rejected or withdrawn; rostered → vetted or withdrawn.</returns>
    public static bool CanMove(VettingState from, VettingState to) => (from, to) switch
    {
        (VettingState.SignedUp, VettingState.Vetted or VettingState.Rejected or VettingState.Withdrawn) => true,
        (VettingState.Vetted, VettingState.Rostered or VettingState.Rejected or VettingState.Withdrawn) => true,
        (VettingState.Rostered, VettingState.Vetted or VettingState.Withdrawn) => true,
        _ => false,
    };

    /// <summary>Adds sign-ups, each in <see cref="VettingState.SignedUp"/>; all or none.</summary>
    /// <param name="signUps">The sign-ups.</param>
    /// <exception cref="ArgumentNullException"><paramref name="signUps"/> is or holds null.</exception>
    /// <exception cref="ArgumentException">An id is already held or given twice (the message names its position, not the id); nothing is added.</exception>
    public void Add(IEnumerable<VolunteerSignUp> signUps)
    {
        var list = Guard.NotNull(signUps).ToArray();
        lock (_gate)
        {
            var seen = new HashSet<PersonId>();
            for (var i = 0; i < list.Length; i++)
            {
                var s = list[i] ?? throw new ArgumentNullException(nameof(signUps), $"signUps[{i}] is null.");
                if (_entries.ContainsKey(s.Id) || !seen.Add(s.Id))
                {
                    throw new ArgumentException($"signUps[{i}]: the roster already holds a sign-up with this id.", nameof(signUps));
                }
            }

            foreach (var s in list)
            {
                _entries.Add(s.Id, new Entry(s, VettingState.SignedUp));
            }
        }
    }

    /// <summary>Gets the state of a volunteer's sign-up.</summary>
    /// <param name="id">The volunteer's id.</param>
    /// <returns>The state, or <see cref="VettingState.Unknown"/> when the roster holds no sign-up with this id.</returns>
    public VettingState StateOf(PersonId id)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(id, out var e) ? e.State : VettingState.Unknown;
        }
    }

    /// <summary>Gets a volunteer's sign-up.</summary>
    /// <param name="id">The volunteer's id.</param>
    /// <param name="signUp">The sign-up, when held.</param>
    /// <returns>True when the roster holds it.</returns>
    public bool TryGet(PersonId id, out VolunteerSignUp signUp)
    {
        lock (_gate)
        {
            var found = _entries.TryGetValue(id, out var e);
            signUp = found ? e.SignUp : null!;
            return found;
        }
    }

    /// <summary>Moves a sign-up to a new state.</summary>
    /// <param name="id">The volunteer's id.</param>
    /// <param name="to">The new state.</param>
    /// <returns>The state it was in.</returns>
    /// <exception cref="ArgumentException">The roster holds no sign-up with this id.</exception>
    /// <exception cref="InvalidOperationException">The move is not allowed from the current state (<see cref="CanMove(VettingState, VettingState)"/>),
    /// or the move is to vetted and the sign-up has no health declaration.</exception>
    public VettingState Move(PersonId id, VettingState to)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(id, out var e))
            {
                throw new ArgumentException("The roster holds no sign-up with this id.", nameof(id));
            }

            if (!CanMove(e.State, to))
            {
                throw new InvalidOperationException($"A sign-up cannot move from {e.State} to {to}.");
            }

            if (to == VettingState.Vetted && e.State == VettingState.SignedUp && !e.SignUp.HealthDeclared)
            {
                throw new InvalidOperationException("A sign-up without a health declaration cannot be vetted.");
            }

            _entries[id] = new Entry(e.SignUp, to);
            return e.State;
        }
    }

    /// <summary>Gets the sign-ups in one state, ordered by id (ordinal).</summary>
    /// <param name="state">The state.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<VolunteerSignUp> InState(VettingState state)
    {
        lock (_gate)
        {
            return _entries.Values.Where(e => e.State == state).Select(e => e.SignUp).OrderBy(s => s.Id.Value, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>Returns the number of sign-ups in each state (no ids).</summary>
    /// <returns>E.g. <c>SignedUp 12, Vetted 3, Rostered 40</c>.</returns>
    public override string ToString()
    {
        lock (_gate)
        {
            return string.Join(", ", _entries.Values.GroupBy(e => e.State).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
        }
    }

    private readonly record struct Entry(VolunteerSignUp SignUp, VettingState State);
}
