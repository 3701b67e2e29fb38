using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Zones;

namespace CommunityControl.Staffing;

/// <summary>
/// A staffing ratio: so many staff per so many residents (or households), e.g. Hubei's 18 community workers per 10,000
/// urban residents by 2025. Required = ⌈staff × population ÷ per⌉.
/// </summary>
/// <remarks>Named presets are its static properties, each with its source; there is no national default where the
/// reference marks the figure UNCONFIRMED (national community-worker ratio, households per grid).</remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RatioNorm
{
    private RatioNorm(string id, double staff, int per, RatioBasis basis, string source, WorkforceSource[] counted)
    {
        Id = id;
        Staff = staff;
        Per = per;
        Basis = basis;
        Source = source;
        CountedSources = Array.AsReadOnly(counted);
    }

    /// <summary>Gets the norm's id, e.g. <c>hubei-2025-community-workers</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the staff per <see cref="Per"/> residents or households.</summary>
    public double Staff { get; }

    /// <summary>Gets the population (or households) the figure is per, e.g. 10,000.</summary>
    public int Per { get; }

    /// <summary>Gets what the figure is per.</summary>
    public RatioBasis Basis { get; }

    /// <summary>Gets the source of the figure.</summary>
    public string Source { get; }

    /// <summary>Gets the workforce sources counted as meeting the norm (empty: the norm is about staff outside the community's team, e.g. contact tracers).</summary>
    public IReadOnlyList<WorkforceSource> CountedSources { get; }

    /// <summary>Creates a norm.</summary>
    /// <param name="id">The norm's id.</param>
    /// <param name="staff">Staff per <paramref name="per"/>; more than zero.</param>
    /// <param name="per">The population or households the figure is per; at least 1.</param>
    /// <param name="basis">Residents or households.</param>
    /// <param name="source">Where the figure comes from.</param>
    /// <param name="countedSources">The workforce sources counted as meeting the norm.</param>
    /// <returns>The norm.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An argument is empty or out of range.</exception>
    public static RatioNorm Create(string id, double staff, int per, RatioBasis basis, string source, IEnumerable<WorkforceSource> countedSources)
    {
        Guard.NotNullOrWhiteSpace(id);
        Guard.NotNullOrWhiteSpace(source);
        if (double.IsNaN(staff) || double.IsInfinity(staff) || staff <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(staff), staff, "The staff figure must be more than zero.");
        }

        Guard.InRange(per, 1, int.MaxValue);
        if (basis is not (RatioBasis.Residents or RatioBasis.Households))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "The basis must be Residents or Households.");
        }

        var counted = Guard.NotNull(countedSources).Distinct().ToArray();
        if (counted.Any(s => s is < WorkforceSource.CommunityWorker or > WorkforceSource.HomeownersCommitteeMember))
        {
            throw new ArgumentException("The counted sources must be defined sources.", nameof(countedSources));
        }

        return new RatioNorm(id, staff, per, basis, source, counted);
    }

    /// <summary>Computes the staff a population needs.</summary>
    /// <param name="population">The residents (or households, by <see cref="Basis"/>); not negative.</param>
    /// <returns>The exact and the rounded-up figure.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="population"/> is negative, or so large that the staff
    /// required would exceed <see cref="int.MaxValue"/>.</exception>
    public NormCheck Required(long population)
    {
        if (population < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(population), population, "The population must not be negative.");
        }

        var exact = Staff * population / Per;
        if (!(exact <= int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(population), population, "The staff required would exceed 2,147,483,647.");
        }
        return new NormCheck(this, population, exact, ErlangC.CeilingTolerant(exact), default, 0);
    }

    /// <summary>Compares a zone's team with the norm: the staff required for its residents (or households), and the members
    /// of the counted sources who serve in it (their zone is the area or inside it).</summary>
    /// <param name="tree">The zone tree.</param>
    /// <param name="area">The zone, e.g. a community.</param>
    /// <param name="workforce">The team.</param>
    /// <returns>Required, present and the shortfall.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="area"/> is not in the tree.</exception>
    public NormCheck Evaluate(ZoneTree tree, ZoneId area, Workforce workforce)
    {
        Guard.NotNull(tree);
        Guard.NotNull(workforce);
        var index = tree.GetIndex(area);
        var end = tree.SubtreeEnd(index);
        var population = Basis == RatioBasis.Residents ? tree.ResidentsAt(index) : tree.HouseholdsAt(index);
        var present = 0;
        foreach (var m in workforce)
        {
            var z = tree.IndexOf(m.Zone);
            if (z >= index && z < end && CountedSources.Contains(m.Source))
            {
                present++;
            }
        }

        var required = Required(population);
        return new NormCheck(this, population, required.Exact, required.Staff, area, present);
    }

    /// <summary>Returns e.g. <c>18 per 10,000 residents (Hubei …)</c>.</summary>
    /// <returns>The norm in words.</returns>
    public override string ToString()
        => string.Format(CultureInfo.InvariantCulture, "{0:0.##} per {1:N0} {2} ({3})", Staff, Per, Basis == RatioBasis.Residents ? "residents" : "households", Source);

    /// <summary>Hubei: 18 community workers per 10,000 urban residents by 2025 (14th Five-Year Plan; cn-policy.md §3, S27, grade A).</summary>
    public static RatioNorm Hubei2025CommunityWorkers { get; } = RatioNorm.Create(
        "hubei-2025-community-workers", 18, 10_000, RatioBasis.Residents, "Hubei 14th Five-Year Plan, by 2025 (cn-policy.md §3, S27)", new[] { WorkforceSource.CommunityWorker });

    /// <summary>Changji (Xinjiang): at least 25 community workers per 10,000 residents (cn-policy.md §3, S27c, grade A local); the preset uses the minimum, 25.</summary>
    public static RatioNorm ChangjiCommunityWorkers { get; } = RatioNorm.Create(
        "changji-community-workers", 25, 10_000, RatioBasis.Residents, "Changji, Xinjiang target ≥ 25 (cn-policy.md §3, S27c)", new[] { WorkforceSource.CommunityWorker });

    /// <summary>
    /// The national average observed in February 2020, not a standard: about 4,000,000 community workers in about 650,000
    /// communities, 1 worker ≈ 350 residents (MCA press conference 2020-02-10; cn-policy.md §3, S25).
    /// </summary>
    public static RatioNorm Mca2020ObservedCommunityWorkers { get; } = RatioNorm.Create(
        "mca-2020-observed-community-workers", 1, 350, RatioBasis.Residents, "MCA 2020-02-10, observed average ≈ 1 per 350 residents, not a standard (cn-policy.md §3, S25)", new[] { WorkforceSource.CommunityWorker });

    /// <summary>Wuhan 2020: each grid controller served about 1,000 residents (SCMP, grade B; cn-policy.md §3, S29e). A local report, not a standard.</summary>
    public static RatioNorm WuhanGridControllers2020 { get; } = RatioNorm.Create(
        "wuhan-2020-grid-controllers", 1, 1_000, RatioBasis.Residents, "Wuhan 2020, ≈ 1,000 residents per grid controller (SCMP; cn-policy.md §3, S29e)", new[] { WorkforceSource.GridWorker });

    /// <summary>Contact tracers, 30 per 100,000 (Johns Hopkins CHS / ASTHO, April 2020; intl-policy.md §e).</summary>
    public static RatioNorm ContactTracersJohnsHopkinsAstho { get; } = RatioNorm.Create(
        "contact-tracers-jhu-astho-30", 30, 100_000, RatioBasis.Residents, "Johns Hopkins CHS / ASTHO 2020 (intl-policy.md §e)", Array.Empty<WorkforceSource>());

    /// <summary>Contact tracers, 15 per 100,000: the baseline of the GWU Fitzhugh Mullan Institute estimator (May 2020; intl-policy.md §e).</summary>
    public static RatioNorm ContactTracersGwuBaseline { get; } = RatioNorm.Create(
        "contact-tracers-gwu-baseline-15", 15, 100_000, RatioBasis.Residents, "GWU Fitzhugh Mullan Institute estimator baseline, 2020 (intl-policy.md §e)", Array.Empty<WorkforceSource>());

    /// <summary>Contact tracers, 14 per 100,000: Massachusetts / Partners in Health, initial (Contact Tracing Playbook; intl-policy.md §e).</summary>
    public static RatioNorm ContactTracersMassachusetts { get; } = RatioNorm.Create(
        "contact-tracers-massachusetts-pih-14", 14, 100_000, RatioBasis.Residents, "Massachusetts / Partners in Health, initial (intl-policy.md §e)", Array.Empty<WorkforceSource>());

    /// <summary>Contact tracers, 100 per 100,000: Resolve to Save Lives (Contact Tracing Playbook; intl-policy.md §e).</summary>
    public static RatioNorm ContactTracersResolveToSaveLives { get; } = RatioNorm.Create(
        "contact-tracers-rtsl-100", 100, 100_000, RatioBasis.Residents, "Resolve to Save Lives (intl-policy.md §e)", Array.Empty<WorkforceSource>());
}
