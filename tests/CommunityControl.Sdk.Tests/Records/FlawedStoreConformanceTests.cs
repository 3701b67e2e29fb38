using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Records;
using CommunityControl.Staffing;
using CommunityControl.Testing;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Records;

/// <summary>
/// The arrival and attendance checks catch what they claim to: a plain list store passes every check, and the same
/// store with one flaw (keys ignored, the interval's end included, purge including the instant, ties reordered, a
/// cancelled token ignored, a null record failing with a NullReferenceException) fails the check that names it.
/// </summary>
public class FlawedStoreConformanceTests
{
    public static TheoryData<string, string> ArrivalFlaws => new()
    {
        { nameof(Flaw.IgnoresKeys), "AppendAsync_SameKeyTwice_RecordsOnce_AndReturnsTheFirstArrival" },
        { nameof(Flaw.IgnoresKeys), "AppendAsync_EightThreadsRetryingEveryKey_RecordEachKeyExactlyOnce" },
        { nameof(Flaw.IncludesTheEnd), "Queries_IntervalIsHalfOpen_OrderedByInstant_TiesInTheOrderRecorded" },
        { nameof(Flaw.ReordersTies), "Queries_IntervalIsHalfOpen_OrderedByInstant_TiesInTheOrderRecorded" },
        { nameof(Flaw.PurgesTheInstant), "PurgeAsync_DeletesStrictlyBeforeTheInstant" },
        { nameof(Flaw.IgnoresCancellation), "BadArguments_AndCancellation_ThrowTheDocumentedExceptions" },
        { nameof(Flaw.NullIsNotAnArgumentError), "AppendAsync_NullRecord_ThrowsArgumentNull_AndTheStoreStillRecords" },
    };

    public static TheoryData<string, string> AttendanceFlaws => new()
    {
        { nameof(Flaw.IgnoresKeys), "AppendAsync_SameKeyTwice_RecordsOnce_TheFirstWins" },
        { nameof(Flaw.IgnoresKeys), "AppendAsync_EightThreadsRetryingEveryKey_RecordEachKeyExactlyOnce" },
        { nameof(Flaw.IncludesTheEnd), "Queries_IntervalIsHalfOpen_OrderedByInstant_TiesInTheOrderRecorded" },
        { nameof(Flaw.ReordersTies), "Queries_IntervalIsHalfOpen_OrderedByInstant_TiesInTheOrderRecorded" },
        { nameof(Flaw.PurgesTheInstant), "PurgeAsync_DeletesStrictlyBeforeTheInstant" },
        { nameof(Flaw.IgnoresCancellation), "BadArguments_AndCancellation_ThrowTheDocumentedExceptions" },
        { nameof(Flaw.NullIsNotAnArgumentError), "AppendAsync_NullRecord_ThrowsArgumentNull_AndTheStoreStillRecords" },
    };

    private static readonly StoreConformanceOptions Small = new() { ConcurrentKeys = 400, RandomRegisterSize = 300 };

    private enum Flaw
    {
        None,
        IgnoresKeys,
        IncludesTheEnd,
        ReordersTies,
        PurgesTheInstant,
        IgnoresCancellation,
        NullIsNotAnArgumentError,
    }

    [Fact]
    public async Task AListStoreWithoutFlaws_PassesEveryArrivalAndAttendanceCheck()
    {
        foreach (var check in StoreConformance.ForArrivalStore(() => new ListArrivalStore(Flaw.None), Small))
        {
            await check.RunAsync();
        }

        foreach (var check in StoreConformance.ForAttendanceStore(() => new ListAttendanceStore(Flaw.None), Small))
        {
            await check.RunAsync();
        }
    }

    [Theory]
    [MemberData(nameof(ArrivalFlaws))]
    public async Task AnArrivalStoreWithAFlaw_FailsTheCheckNamingIt(string flaw, string check)
    {
        var run = StoreConformance.ForArrivalStore(() => new ListArrivalStore(Enum.Parse<Flaw>(flaw)), Small).Single(c => c.Name == check);

        await FluentActions.Awaiting(run.RunAsync).Should().ThrowAsync<Xunit.Sdk.XunitException>("the check fails on an assertion, not a crash");
    }

    [Theory]
    [MemberData(nameof(AttendanceFlaws))]
    public async Task AnAttendanceStoreWithAFlaw_FailsTheCheckNamingIt(string flaw, string check)
    {
        var run = StoreConformance.ForAttendanceStore(() => new ListAttendanceStore(Enum.Parse<Flaw>(flaw)), Small).Single(c => c.Name == check);

        await FluentActions.Awaiting(run.RunAsync).Should().ThrowAsync<Xunit.Sdk.XunitException>("the check fails on an assertion, not a crash");
    }

    // One list under one lock; each flaw breaks one clause of the contract.
    private sealed class FlawedList<T>
        where T : class
    {
        private readonly List<T> _items = new();
        private readonly Flaw _flaw;
        private readonly Func<T, string> _key;
        private readonly Func<T, Instant> _at;

        public FlawedList(Flaw flaw, Func<T, string> key, Func<T, Instant> at) => (_flaw, _key, _at) = (flaw, key, at);

        public (T Record, bool IsNew) Append(T record, CancellationToken token)
        {
            if (_flaw != Flaw.NullIsNotAnArgumentError)
            {
                ArgumentNullException.ThrowIfNull(record);
            }

            if (_flaw != Flaw.IgnoresCancellation)
            {
                token.ThrowIfCancellationRequested();
            }

            lock (_items)
            {
                var held = _flaw == Flaw.IgnoresKeys ? null : _items.FirstOrDefault(r => _key(r) == _key(record));
                if (held is not null)
                {
                    return (held, false);
                }

                _items.Add(record);
                return (record, true);
            }
        }

        public T? Find(string key)
        {
            lock (_items)
            {
                return _items.FirstOrDefault(r => _key(r) == key);
            }
        }

        public async IAsyncEnumerable<T> Query(Func<T, bool> where, Interval interval, CancellationToken token, [EnumeratorCancellation] CancellationToken enumeration = default)
        {
            await Task.Yield();
            if (_flaw != Flaw.IgnoresCancellation)
            {
                token.ThrowIfCancellationRequested();
            }

            List<T> matches;
            lock (_items)
            {
                matches = _items.Where(r => where(r) && (!interval.HasStart || _at(r) >= interval.Start) && (!interval.HasEnd || _at(r) < interval.End || (_flaw == Flaw.IncludesTheEnd && _at(r) == interval.End))).ToList();
            }

            var ordered = _flaw == Flaw.ReordersTies ? matches.OrderBy(_at).ThenBy(_key, StringComparer.Ordinal) : matches.OrderBy(_at);
            foreach (var record in ordered)
            {
                yield return record;
            }
        }

        public long Purge(Instant before, CancellationToken token)
        {
            token.ThrowIfCancellationRequested();
            lock (_items)
            {
                return _items.RemoveAll(r => _at(r) < before || (_flaw == Flaw.PurgesTheInstant && _at(r) == before));
            }
        }
    }

    private sealed class ListArrivalStore : IArrivalStore
    {
        private readonly FlawedList<ArrivalRecord> _list;

        public ListArrivalStore(Flaw flaw) => _list = new(flaw, r => r.IdempotencyKey, r => r.ArrivedAt);

        public ValueTask<AppendResult<ArrivalRecord>> AppendAsync(ArrivalRecord record, CancellationToken cancellationToken = default)
        {
            var (held, isNew) = _list.Append(record, cancellationToken);
            return new(new AppendResult<ArrivalRecord>(held, isNew));
        }

        public ValueTask<ArrivalRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(idempotencyKey);
            if (idempotencyKey.Contains(' ', StringComparison.Ordinal))
            {
                throw new ArgumentException("Not a key.", nameof(idempotencyKey));
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new(_list.Find(idempotencyKey));
        }

        public IAsyncEnumerable<ArrivalRecord> ArrivalsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
            => person.IsEmpty ? throw new ArgumentException("Empty.", nameof(person)) : _list.Query(r => r.Person == person, interval, cancellationToken);

        public IAsyncEnumerable<ArrivalRecord> ArrivalsAsync(Interval interval, CancellationToken cancellationToken = default)
            => _list.Query(_ => true, interval, cancellationToken);

        public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default) => new(_list.Purge(before, cancellationToken));
    }

    private sealed class ListAttendanceStore : IAttendanceStore
    {
        private readonly FlawedList<AttendanceRecord> _list;

        public ListAttendanceStore(Flaw flaw) => _list = new(flaw, r => r.IdempotencyKey, r => r.At);

        public ValueTask<bool> AppendAsync(AttendanceRecord record, CancellationToken cancellationToken = default)
            => new(_list.Append(record, cancellationToken).IsNew);

        public IAsyncEnumerable<AttendanceRecord> RecordsOfPersonAsync(PersonId person, Interval interval, CancellationToken cancellationToken = default)
            => person.IsEmpty ? throw new ArgumentException("Empty.", nameof(person)) : _list.Query(r => r.Person == person, interval, cancellationToken);

        public IAsyncEnumerable<AttendanceRecord> RecordsAsync(Interval interval, CancellationToken cancellationToken = default)
            => _list.Query(_ => true, interval, cancellationToken);

        public ValueTask<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default) => new(_list.Purge(before, cancellationToken));
    }
}
