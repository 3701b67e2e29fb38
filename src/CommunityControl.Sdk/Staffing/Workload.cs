using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// One recurring piece of work that a risk level creates, counted per household, resident or building at that level:
/// e.g. deliveries to sealed households once a day at 4 minutes each, temperature checks twice a day, disinfection of
/// each building once a day.
/// </summary>
/// <remarks>
/// <para>Work hours per day = count × <see cref="TimesPerDay"/> × <see cref="TimeEach"/>, spread evenly over the window
/// <see cref="From"/>–<see cref="Until"/> and so over the shifts it overlaps. A shift's people for a role = ⌈Σ work
/// hours ÷ (1 − <see cref="Shrinkage"/>) ÷ shift length⌉, at least the largest <see cref="MinimumPeople"/> of the
/// workloads with work in that shift.</para>
/// <para>The reference gives no figure for any of these times, so every workload is a parameter of an edition, with no
/// default.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once built.</threadsafety>
public sealed class Workload
{
    /// <summary>Gets the kind of work; it decides the <see cref="Role"/>.</summary>
    public required WorkKind Kind { get; init; }

    /// <summary>Gets what the work is counted per.</summary>
    public required WorkloadBasis Basis { get; init; }

    /// <summary>Gets how many times a day each counted item needs the work (e.g. 2 for twice-daily temperature checks; 0.5 for every other day).</summary>
    public required double TimesPerDay { get; init; }

    /// <summary>Gets the person-time one occurrence takes for one counted item.</summary>
    public required Duration TimeEach { get; init; }

    /// <summary>Gets the local time from which the work is done; equal to <see cref="Until"/> means spread over 24 hours.</summary>
    /// <value>Midnight.</value>
    public LocalTime From { get; init; } = LocalTime.Midnight;

    /// <summary>Gets the local time until which the work is done.</summary>
    /// <value>Midnight.</value>
    public LocalTime Until { get; init; } = LocalTime.Midnight;

    /// <summary>Gets the share of paid time not spent on this work (walking between buildings, breaks), in [0, 1).</summary>
    /// <value>0.</value>
    public double Shrinkage { get; init; }

    /// <summary>Gets the least people a shift with any of this work must have (e.g. 2 for door-to-door in pairs).</summary>
    /// <value>0: only what the hours need.</value>
    public int MinimumPeople { get; init; }

    /// <summary>Gets the role that does this work.</summary>
    public StaffingRole Role => RoleOf(Kind);

    /// <summary>Returns e.g. <c>Delivery: 1×/day × 4 min per household, 08:00–20:00</c>.</summary>
    /// <returns>The workload in words.</returns>
    public override string ToString()
    {
        var window = From == Until ? "all day" : $"{ShiftPattern.Time(From)}–{ShiftPattern.Time(Until)}";
        return $"{Kind}: {TimesPerDay.ToString("0.##", CultureInfo.InvariantCulture)}×/day × {TimeEach.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture)} min {BasisText(Basis)}, {window}";
    }

    internal static string BasisText(WorkloadBasis basis) => basis switch
    {
        WorkloadBasis.PerHousehold => "per household",
        WorkloadBasis.PerResident => "per resident",
        WorkloadBasis.PerBuilding => "per building",
        WorkloadBasis.PerPlanningUnit => "per planning unit",
        _ => "per ?",
    };

    internal static StaffingRole RoleOf(WorkKind kind) => kind switch
    {
        WorkKind.Delivery or WorkKind.TemperatureCheck or WorkKind.WasteCollection => StaffingRole.DoorToDoor,
        WorkKind.Patrol => StaffingRole.Patrol,
        WorkKind.Disinfection => StaffingRole.Disinfection,
        WorkKind.GridWork => StaffingRole.GridWork,
        WorkKind.ScreeningSupport => StaffingRole.ScreeningSupport,
        _ => StaffingRole.Unknown,
    };

    /// <summary>The share of the work's window that falls inside a shift.</summary>
    internal double ShareIn(ShiftDefinition shift)
    {
        var from = ShiftPattern.MinuteOfDay(From);
        var until = ShiftPattern.MinuteOfDay(Until);
        var windowLength = From == Until ? 1440 : ((until - from) % 1440 + 1440) % 1440;
        var shiftStart = ShiftPattern.MinuteOfDay(shift.Start);
        var shiftLength = (int)shift.Length.TotalMinutes;
        var overlap = 0;
        for (var m = 0; m < shiftLength; m++)
        {
            var minute = (shiftStart + m) % 1440;
            if (((minute - from) % 1440 + 1440) % 1440 < windowLength)
            {
                overlap++;
            }
        }

        return (double)overlap / windowLength;
    }

    internal void Validate(string path, List<PolicyProblem> problems)
    {
        if (RoleOf(Kind) == StaffingRole.Unknown)
        {
            problems.Add(new(path + ".kind", "the kind of work is required."));
        }

        if (Basis is not (WorkloadBasis.PerHousehold or WorkloadBasis.PerResident or WorkloadBasis.PerBuilding or WorkloadBasis.PerPlanningUnit))
        {
            problems.Add(new(path + ".basis", "the basis (PerHousehold, PerResident, PerBuilding or PerPlanningUnit) is required."));
        }

        if (double.IsNaN(TimesPerDay) || double.IsInfinity(TimesPerDay) || TimesPerDay < 0)
        {
            problems.Add(new(path + ".timesPerDay", $"must be a finite number not below zero; it was {TimesPerDay.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (TimeEach <= Duration.Zero)
        {
            problems.Add(new(path + ".minutesEach", "must be more than zero."));
        }

        if (double.IsNaN(Shrinkage) || Shrinkage < 0 || Shrinkage >= 1)
        {
            problems.Add(new(path + ".shrinkage", $"must be in [0, 1); it was {Shrinkage.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (MinimumPeople < 0)
        {
            problems.Add(new(path + ".minimumPeople", $"must not be negative; it was {MinimumPeople}."));
        }

        if (From.Second != 0 || Until.Second != 0 || From.NanosecondOfSecond != 0 || Until.NanosecondOfSecond != 0)
        {
            problems.Add(new(path + ".from", "the window starts and ends on whole minutes."));
        }
    }
}
