using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Risk;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Access;

/// <summary>
/// A level keeps what a resident's exit meets under stay home, stay in the area, closed management and the pass in a
/// table, read once per request; the untabled policy works it out on every request (the general path the table is made
/// from). Brute force: every built-in edition, every level of its scale (and none), both directions, every category and
/// purpose, with and without approval and pass, every status the gate treats differently, readings on both sides of
/// the threshold, at the ends of the plausible range and implausible ones (NaN included), and every health-code colour; with an empty ledger and with the household's quota
/// used. The two policies decide alike (or throw alike) on all of them.
/// </summary>
public class GateExitTableTests
{
    // Readings: none, on both sides of the 37.3 °C threshold, at the ends of the default plausible range, and
    // implausible ones (above, below, NaN).
    private static readonly double?[] Temperatures = { null, 36.5, 37.3, 37.4, 45.0, double.NaN, 20.0, 34.0, 43.0 };

    private static readonly HealthCodeColour[] Codes = { HealthCodeColour.Green, HealthCodeColour.Yellow, HealthCodeColour.Red, HealthCodeColour.Unknown, HealthCodeColour.Invalid };

    private static readonly MonitoringStatus[] Statuses =
    {
        MonitoringStatus.None, MonitoringStatus.HomeHealthMonitoring, MonitoringStatus.HomeMedicalObservation, MonitoringStatus.CentralizedQuarantine,
    };

    [Fact]
    public void Evaluate_EveryEditionLevelAndRequestKind_DecidesAsTheUntabledPolicy()
    {
        var empty = new InMemoryOutingLedger();
        var used = new InMemoryOutingLedger();
        used.TryStartOuting(GateFixture.Household, GateFixture.Spouse, GateFixture.Local(11, 0), 100, null, out _);
        var mismatches = new List<string>();
        var compared = 0;
        var exitsWithStayOrders = 0;
        foreach (var edition in PolicyEditions.All.Where(e => e.Measures is not null))
        {
            var measures = edition.Measures!;
            var tabled = AccessPolicy.Create(measures);
            var untabled = AccessPolicy.CreateUntabled(measures);
            var levels = measures.Scale.Levels.Select(d => d.Level).Prepend(RiskLevel.None);
            foreach (var level in levels)
            {
                var snapshot = GateFixture.Uniform(level, measures.Scale);
                foreach (var request in Requests())
                {
                    foreach (var ledger in new[] { empty, used })
                    {
                        var expected = Decide(untabled, request, snapshot, ledger);
                        var actual = Decide(tabled, request, snapshot, ledger);
                        compared++;
                        if (expected.Contains("StayHomeOrder", StringComparison.Ordinal) || expected.Contains("StayInAreaOrder", StringComparison.Ordinal))
                        {
                            exitsWithStayOrders++;
                        }

                        if (actual != expected && mismatches.Count < 20)
                        {
                            mismatches.Add($"{edition.Id} {level}: {request}, pass {request.HasPass}, approval {request.HasExitApproval}, {request.Status}: {actual} instead of {expected}");
                        }
                    }
                }
            }
        }

        mismatches.Should().BeEmpty();
        compared.Should().BeGreaterThan(100_000, "every edition, level and request kind is compared");
        exitsWithStayOrders.Should().BeGreaterThan(0, "the editions' stay-home and stay-in-area levels are among them");
    }

    private static string Decide(AccessPolicy policy, AccessRequest request, RiskSnapshot snapshot, IOutingLedger ledger)
    {
        try
        {
            var decision = policy.Evaluate(in request, snapshot, ledger);
            return $"{decision} [{decision.Level.Severity}]";
        }
        catch (ArgumentException e)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }

    private static IEnumerable<AccessRequest> Requests()
    {
        foreach (var direction in new[] { GateDirection.Entry, GateDirection.Exit })
        {
            foreach (var category in new[] { PersonCategory.Resident, PersonCategory.Visitor, PersonCategory.Courier, PersonCategory.Staff })
            {
                for (var purpose = OutingPurpose.Unstated; purpose <= OutingPurpose.Delivery; purpose++)
                {
                    for (var flags = 0; flags < 4; flags++)
                    {
                        foreach (var status in Statuses)
                        {
                            for (var i = 0; i < Temperatures.Length; i++)
                            {
                                yield return GateFixture.Resident(direction, purpose) with
                                {
                                    Category = category,
                                    HasExitApproval = (flags & 2) != 0,
                                    HasPass = (flags & 1) != 0,
                                    Status = status,
                                    TemperatureCelsius = Temperatures[i],
                                    HealthCode = Codes[(i + flags + (int)purpose) % Codes.Length],
                                    Operator = (flags & 1) != 0 ? Role.CommunityWorker : Role.PropertyStaff,
                                };
                            }
                        }
                    }
                }
            }
        }
    }
}
