using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.Access;

/// <summary>Attacks on the gate: bad readings, undefined enums, forged scales and snapshots, far instants, quarantine.</summary>
public class GateBadInputTests
{
    private static readonly AccessPolicy Ninth = AccessPolicy.Create(PolicyEditions.Get("cn-2022-06-ninth-edition").Measures!);
    private static readonly AccessPolicy Empty = AccessPolicy.Create(TableAt(Medium, new MeasureSet()));

    public static TheoryData<double> Implausible() => new() { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 20.0, 80.0, 33.9, 43.1, -273.15 };

    [Theory]
    [MemberData(nameof(Implausible))]
    public void Evaluate_ImplausibleReadingWhereNoLevelChecksTemperature_IsNeverAnAllow(double celsius)
    {
        var requests = new[]
        {
            Resident(GateDirection.Exit) with { TemperatureCelsius = celsius },
            Resident(GateDirection.Entry) with { TemperatureCelsius = celsius },
            Visitor() with { TemperatureCelsius = celsius },
            Visitor() with { Direction = GateDirection.Exit, TemperatureCelsius = celsius },
            Courier() with { TemperatureCelsius = celsius },
            Visitor(OutingPurpose.EpidemicWork) with { Category = PersonCategory.Staff, TemperatureCelsius = celsius },
        };

        foreach (var level in new[] { RiskLevel.None, Low, Medium, High })
        {
            foreach (var request in requests)
            {
                foreach (var policy in new[] { Ninth, Empty })
                {
                    var decision = policy.Evaluate(in request, Uniform(level));
                    decision.IsAllowed.Should().BeFalse($"{request} at severity {level.Severity} read {celsius} °C");
                    decision.Has(AccessReasons.TemperatureImplausible).Should().BeTrue();
                    (decision.Obligations & AccessObligations.Remeasure).Should().Be(AccessObligations.Remeasure);
                }
            }
        }
    }

    [Theory]
    [InlineData(34.0)]
    [InlineData(36.5)]
    [InlineData(43.0)]
    public void Evaluate_PlausibleReadingWhereNoLevelChecksTemperature_Passes(double celsius)
    {
        var request = Resident(GateDirection.Exit) with { TemperatureCelsius = celsius };

        Empty.Evaluate(in request, Uniform(Medium)).Outcome.Should().Be(AccessOutcome.Allow);
        TemperatureCheck.DefaultPlausibleMinimumCelsius.Should().Be(34.0);
        TemperatureCheck.DefaultPlausibleMaximumCelsius.Should().Be(43.0);
    }

    [Fact]
    public void Evaluate_NoReadingWhereNoLevelChecksTemperature_Passes()
    {
        var request = Resident(GateDirection.Exit) with { TemperatureCelsius = null };

        Empty.Evaluate(in request, Uniform(Medium)).Outcome.Should().Be(AccessOutcome.Allow);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(99)]
    [InlineData(int.MaxValue)]
    public void Evaluate_UndefinedOperatorRole_ThrowsNamingTheRequest(int role)
    {
        var request = Resident(GateDirection.Exit) with { Operator = (Role)role };

        FluentActions.Invoking(() => Ninth.Evaluate(in request, Uniform(Low))).Should().Throw<ArgumentException>()
            .WithParameterName("request").WithMessage("*operator role*");
    }

    [Fact]
    public void Evaluate_EveryUndefinedEnumValue_Throws()
    {
        var bad = new[]
        {
            Resident(GateDirection.Exit) with { Direction = (GateDirection)7 },
            Resident(GateDirection.Exit) with { Category = (PersonCategory)(-1) },
            Resident(GateDirection.Exit) with { Purpose = (OutingPurpose)(-1) },
            Resident(GateDirection.Exit) with { HealthCode = (HealthCodeColour)99 },
            Resident(GateDirection.Exit) with { Status = (MonitoringStatus)99 },
            Resident(GateDirection.Exit) with { Exposure = (ExposureCategory)99 },
            Resident(GateDirection.Exit) with { Venue = (VenueKind)99 },
            Resident(GateDirection.Exit) with { Operator = (Role)99 },
        };

        foreach (var request in bad)
        {
            var r = request;
            FluentActions.Invoking(() => Ninth.Evaluate(in r, Uniform(Low))).Should().Throw<ArgumentException>().WithParameterName("request");
        }
    }

    [Fact]
    public void Uniform_LevelOutsideItsScale_Throws()
    {
        FluentActions.Invoking(() => RiskSnapshot.Uniform(Tree, Date, RiskScales.ChinaLowMediumHigh, RiskLevel.FromSeverity(4)))
            .Should().Throw<ArgumentException>().WithParameterName("level");
        FluentActions.Invoking(() => RiskSnapshot.Create(Tree, Date, RiskScales.ChinaLowMediumHigh, Array.Empty<KeyValuePair<ZoneId, RiskLevel>>(), RiskLevel.FromSeverity(9)))
            .Should().Throw<ArgumentException>().WithParameterName("baseline");
        FluentActions.Invoking(() => RiskSnapshot.Create(Tree, Date, RiskScales.ChinaLowMediumHigh, new[] { new KeyValuePair<ZoneId, RiskLevel>(ZoneId.From("c1-a"), RiskLevel.FromSeverity(4)) }))
            .Should().Throw<ArgumentException>().WithParameterName("designations");
        RiskSnapshot.Uniform(Tree, Date, RiskScales.CdcCommunityLevels, RiskLevel.None).LevelAt(0).Should().Be(RiskLevel.None, "None is 'no level yet' on every scale");
    }

    [Fact]
    public void Evaluate_ScaleRebuiltUnderABuiltInIdWithLevelsSwapped_IsRejected()
    {
        var builtIn = RiskScales.ChinaLowMediumHigh;
        var levels = builtIn.Levels.ToArray();
        var swapped = RiskScale.Create(builtIn.Id, new[]
        {
            levels[0],
            levels[3] with { Level = levels[1].Level },
            levels[2],
            levels[1] with { Level = levels[3].Level },
        });
        var request = Resident(GateDirection.Exit);
        var forged = RiskSnapshot.Uniform(Tree, Date, swapped, swapped["High"]);

        FluentActions.Invoking(() => Ninth.Evaluate(in request, forged)).Should().Throw<ArgumentException>().WithParameterName("snapshot");

        var copy = RiskScale.Create(builtIn.Id, levels);
        Ninth.Evaluate(in request, RiskSnapshot.Uniform(Tree, Date, copy, copy["Low"])).Outcome.Should().Be(AccessOutcome.Allow, "an equal copy of the scale is the same scale");
    }

    [Fact]
    public void Evaluate_InstantOutsideTheSnapshotsDate_Throws_EvenAtTheEndsOfTime()
    {
        var night = AccessPolicy.Create(TableAt(Medium, new MeasureSet { NightClosure = MeasureFragments.GetNightClosure("yinchuan-2020") }));
        var instants = new[]
        {
            Instant.MaxValue, Instant.MinValue, Noon + Duration.FromDays(365 * 3), Noon - Duration.FromDays(1),
            Local(0, 0, 0, dayOffset: 1), Local(23, 59, 59) - Duration.FromDays(1),
        };

        foreach (var at in instants)
        {
            var request = Resident(GateDirection.Exit, at: at);
            FluentActions.Invoking(() => night.Evaluate(in request, Uniform(Medium))).Should().Throw<ArgumentException>()
                .WithParameterName("request").WithMessage("*snapshot's date*");
        }

        var first = Resident(GateDirection.Exit, OutingPurpose.MedicalCare, Local(0, 0));
        var last = Resident(GateDirection.Exit, OutingPurpose.MedicalCare, Local(23, 59, 59) + Duration.FromMilliseconds(999));
        night.Evaluate(in first, Uniform(Medium)).Outcome.Should().Be(AccessOutcome.Allow);
        night.Evaluate(in last, Uniform(Medium)).Outcome.Should().Be(AccessOutcome.Allow);
    }

    [Fact]
    public void Evaluate_SnapshotOnTheLastRepresentableDate_DecidesWithoutARangeError()
    {
        var lastDate = new LocalDate(9999, 12, 31);
        var snapshot = RiskSnapshot.Uniform(Tree, lastDate, RiskScales.ChinaLowMediumHigh, Medium);
        var night = AccessPolicy.Create(TableAt(Medium, new MeasureSet { NightClosure = MeasureFragments.GetNightClosure("yinchuan-2020") }));
        var evening = Resident(GateDirection.Exit, at: lastDate.At(new LocalTime(23, 0)).InZoneStrictly(Shanghai).ToInstant());
        var late = Resident(GateDirection.Exit, at: Instant.MaxValue);

        night.Evaluate(in evening, snapshot).Has(AccessReasons.NightClosure).Should().BeTrue();
        FluentActions.Invoking(() => night.Evaluate(in late, snapshot)).Should().Throw<ArgumentException>().WithParameterName("request");
    }

    [Fact]
    public void Evaluate_CentralizedQuarantine_PassesInNoDirectionAndNoCategory()
    {
        foreach (var category in new[] { PersonCategory.Resident, PersonCategory.Visitor, PersonCategory.Courier, PersonCategory.Staff })
        {
            foreach (var direction in new[] { GateDirection.Entry, GateDirection.Exit })
            {
                foreach (var policy in new[] { Ninth, Empty })
                {
                    foreach (var level in new[] { RiskLevel.None, Low, Medium, High })
                    {
                        var request = Visitor(OutingPurpose.EpidemicWork) with
                        {
                            Category = category, Direction = direction, Household = Household, Status = MonitoringStatus.CentralizedQuarantine,
                        };
                        var decision = policy.Evaluate(in request, Uniform(level), new InMemoryOutingLedger());
                        decision.IsAllowed.Should().BeFalse($"{request} at severity {level.Severity}");
                        decision.Has(AccessReasons.UnderCentralizedQuarantine).Should().BeTrue();
                    }
                }
            }
        }
    }

    [Fact]
    public void Evaluate_QuotaDeniedPickup_CarriesNoEscortObligation()
    {
        var policy = AccessPolicy.Create(TableAt(Medium, new MeasureSet
        {
            StayInArea = new StayInArea { EscortToPickupPoint = true },
            OutingQuota = new OutingQuota { Persons = 1, Interval = Duration.FromDays(2), Window = OutingWindowKind.Rolling },
        }));
        var ledger = new InMemoryOutingLedger();
        ledger.TryStartOuting(Household, Spouse, Noon - Duration.FromHours(1), 1, Duration.FromDays(2), out _).Should().BeTrue();
        var pickup = Resident(GateDirection.Exit, OutingPurpose.SupplyPickup);

        var evaluated = policy.Evaluate(in pickup, Uniform(Medium), ledger);
        var recorded = policy.EvaluateAndRecord(in pickup, Uniform(Medium), ledger);

        foreach (var decision in new[] { evaluated, recorded })
        {
            decision.Has(AccessReasons.OutingQuotaExhausted).Should().BeTrue();
            decision.IsAllowed.Should().BeFalse();
            (decision.Obligations & (AccessObligations.EscortToPickupPoint | AccessObligations.RecordOuting)).Should().Be(AccessObligations.None);
        }

        var fresh = new InMemoryOutingLedger();
        policy.Evaluate(in pickup, Uniform(Medium), fresh).Obligations.Should().HaveFlag(AccessObligations.EscortToPickupPoint, "an allowed pickup is still escorted");
    }

    [Theory]
    [InlineData("Europe/Berlin", 2021, 3, 28)] // spring forward at 02:00
    [InlineData("Europe/Berlin", 2021, 10, 31)] // fall back at 03:00
    [InlineData("America/Sao_Paulo", 2018, 11, 4)] // spring forward at midnight: the day starts at 01:00
    [InlineData("America/Sao_Paulo", 2019, 2, 16)] // fall back at midnight: 23:00 comes twice
    [InlineData("Asia/Shanghai", 2022, 7, 1)]
    public void Evaluate_InstantsAroundTheSnapshotsDate_AcceptedExactlyOnItsLocalDate_AcrossOffsetChanges(string zoneId, int year, int month, int day)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var tree = new ZoneTreeBuilder(zone).Add("c1", ZoneKind.Community).Add("c1-a", ZoneKind.Compound, parent: "c1").Build();
        var date = new LocalDate(year, month, day);
        var snapshot = RiskSnapshot.Uniform(tree, date, RiskScales.ChinaLowMediumHigh, Low);
        var policy = AccessPolicy.Create(TableAt(Low, new MeasureSet()));
        var noon = date.At(new LocalTime(12, 0)).InZoneLeniently(zone).ToInstant();
        for (var minutes = -36 * 60; minutes <= 36 * 60; minutes += 5)
        {
            var at = noon + Duration.FromMinutes(minutes);
            var request = Resident(GateDirection.Exit, at: at) with { ZoneIndex = tree.GetIndex(ZoneId.From("c1-a")) };
            var onDate = at.InZone(zone).Date == date;
            var decided = true;
            try
            {
                policy.Evaluate(in request, snapshot);
            }
            catch (ArgumentException)
            {
                decided = false;
            }

            decided.Should().Be(onDate, $"{at} is {at.InZone(zone)} in {zoneId}");
        }
    }
}
