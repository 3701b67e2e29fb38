using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using CommunityControl.Internal;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// The Erlang C queue (M/M/N: Poisson arrivals, exponential service, unlimited queue, nobody gives up), used to staff a
/// gate's check point from its arrivals and the time each check takes.
/// </summary>
/// <remarks>
/// <para>Formulas as in intl-policy.md §d (pyworkforce, Prevos, had2know): offered load A = λ · AHT; Erlang B by the
/// stable recurrence <c>inv = 1; for k in 1..N: inv = 1 + inv · k / A; B = 1 / inv</c> (no factorials, no powers);
/// probability of waiting P_w = N·B / (N − A·(1 − B)); service level SL(t) = 1 − P_w · e^(−(N − A)·t / AHT); average
/// wait ASA = P_w · AHT / (N − A); occupancy A / N. The staffing search runs the recurrence incrementally over agent
/// counts, so solving for N costs O(N) arithmetic and no allocation.</para>
/// <para>The model over-staffs when people give up and leave the queue (the pyworkforce docs recommend Erlang A then).</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Pure functions.</threadsafety>
public static class ErlangC
{
    /// <summary>The largest offered load accepted, in Erlangs (far above any gate; it bounds the search).</summary>
    public const double MaximumOfferedLoad = 1_000_000;

    /// <summary>
    /// The largest agent count accepted or computed: 10,000,000 (ten times <see cref="MaximumOfferedLoad"/>). A count of
    /// agents above it, or a target whose occupancy cap and shrinkage would roster more, is refused before any computation.
    /// </summary>
    public const int MaximumAgents = 10_000_000;

    /// <summary>Computes the offered load A = arrivals × service time ÷ interval, in Erlangs.</summary>
    /// <param name="arrivals">The arrivals in the interval; not negative.</param>
    /// <param name="interval">The interval's length; more than zero.</param>
    /// <param name="averageServiceTime">The average time one service (check) takes; more than zero.</param>
    /// <returns>The offered load in Erlangs.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double OfferedLoad(double arrivals, Duration interval, Duration averageServiceTime)
    {
        Guard.NotNegativeFinite(arrivals);
        CheckPositive(interval, nameof(interval));
        CheckPositive(averageServiceTime, nameof(averageServiceTime));
        return arrivals * averageServiceTime.TotalSeconds / interval.TotalSeconds;
    }

    /// <summary>Computes Erlang B, the probability that all <paramref name="agents"/> are busy in a loss system, by the stable recurrence.</summary>
    /// <param name="offeredLoad">The offered load in Erlangs; more than zero.</param>
    /// <param name="agents">The number of agents; 0 to <see cref="MaximumAgents"/>.</param>
    /// <returns>The blocking probability, in [0, 1] (0 once it is below the smallest double).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double ErlangB(double offeredLoad, int agents)
    {
        CheckLoad(offeredLoad, allowZero: false);
        Guard.InRange(agents, 0, MaximumAgents);
        var inv = 1.0;
        for (var k = 1; k <= agents; k++)
        {
            inv = 1 + (inv * k / offeredLoad);
        }

        return 1 / inv;
    }

    /// <summary>Computes the probability that an arrival has to wait (Erlang C).</summary>
    /// <param name="offeredLoad">The offered load in Erlangs; more than zero.</param>
    /// <param name="agents">The number of agents; more than <paramref name="offeredLoad"/>, at most <see cref="MaximumAgents"/>.</param>
    /// <returns>P_w, in (0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or there is no steady state
    /// (<paramref name="agents"/> ≤ <paramref name="offeredLoad"/>: the queue grows without bound).</exception>
    public static double ProbabilityOfWaiting(double offeredLoad, int agents)
    {
        CheckSteadyState(offeredLoad, agents);
        var b = ErlangB(offeredLoad, agents);
        return Pw(offeredLoad, agents, b);
    }

    /// <summary>Evaluates a queue with a given number of agents.</summary>
    /// <param name="offeredLoad">The offered load in Erlangs; more than zero.</param>
    /// <param name="agents">The number of agents; more than <paramref name="offeredLoad"/>, at most <see cref="MaximumAgents"/>.</param>
    /// <param name="averageServiceTime">The average service time; more than zero.</param>
    /// <param name="answerWithin">The time t for the service level SL(t); not negative.</param>
    /// <returns>Erlang B, P_w, SL(t), the average wait and the occupancy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range, or there is no steady state
    /// (<paramref name="agents"/> ≤ <paramref name="offeredLoad"/>).</exception>
    public static ErlangCResult Evaluate(double offeredLoad, int agents, Duration averageServiceTime, Duration answerWithin)
    {
        CheckSteadyState(offeredLoad, agents);
        CheckPositive(averageServiceTime, nameof(averageServiceTime));
        if (answerWithin < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(answerWithin), answerWithin, "The answer time must not be negative.");
        }

        var aht = averageServiceTime.TotalSeconds;
        var b = ErlangB(offeredLoad, agents);
        var pw = Pw(offeredLoad, agents, b);
        var sl = 1 - (pw * Math.Exp(-(agents - offeredLoad) * answerWithin.TotalSeconds / aht));
        var asa = pw * aht / (agents - offeredLoad);
        return new ErlangCResult(offeredLoad, agents, b, pw, sl, asa, offeredLoad / agents);
    }

    /// <summary>
    /// Finds the agents a queue needs: the smallest count above the load that meets every target, raised to respect the
    /// occupancy cap, then divided by (1 − shrinkage) and rounded up.
    /// </summary>
    /// <param name="offeredLoad">The offered load in Erlangs; zero or more (zero needs no agents).</param>
    /// <param name="averageServiceTime">The average service time; more than zero.</param>
    /// <param name="target">The service target.</param>
    /// <returns>The agent counts, the constraint that set them, and the queue's figures at <see cref="ErlangCResult.Agents"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range; or (naming <paramref name="target"/>)
    /// its occupancy cap and shrinkage would roster more than <see cref="MaximumAgents"/> agents for this load.</exception>
    public static ErlangCResult Solve(double offeredLoad, Duration averageServiceTime, ServiceTarget target)
    {
        Guard.NotNull(target);
        CheckLoad(offeredLoad, allowZero: true);
        CheckPositive(averageServiceTime, nameof(averageServiceTime));
        CheckSolvable(offeredLoad, target, nameof(target));
        return SolveCore(offeredLoad, averageServiceTime.TotalSeconds, target);
    }

    /// <summary>
    /// Refuses, before any computation, a load above <see cref="MaximumOfferedLoad"/> or a load and target that would need
    /// more than <see cref="MaximumAgents"/> agents (an occupancy cap near zero, a shrinkage near one).
    /// </summary>
    internal static void CheckSolvable(double a, ServiceTarget target, string paramName)
    {
        if (double.IsNaN(a) || a < 0 || a > MaximumOfferedLoad)
        {
            throw new ArgumentOutOfRangeException(paramName, $"The offered load must be in [0-{MaximumOfferedLoad.ToString(CultureInfo.InvariantCulture)}] Erlangs.");
        }

        if (a == 0)
        {
            return;
        }

        // A service target needs about a + β√a agents with β below 10 for any sane target: a cheap bound for the refusal.
        var onDuty = Math.Max(a + (10 * Math.Sqrt(a)) + 10, a / target.MaximumOccupancy);
        var rostered = onDuty / (1 - target.Shrinkage);
        if (!(rostered <= MaximumAgents))
        {
            throw new ArgumentOutOfRangeException(paramName, $"With this load, occupancy cap and shrinkage the queue would need more than {MaximumAgents.ToString(CultureInfo.InvariantCulture)} agents.");
        }
    }

    /// <summary>The search itself; arguments already checked. Allocation-free.</summary>
    internal static ErlangCResult SolveCore(double a, double aht, ServiceTarget target)
    {
        if (a <= 0)
        {
            return new ErlangCResult(0, 0, 0, 0, StaffingConstraint.NoDemand, 0, 0, 1, 0, 0);
        }

        // Smallest integer strictly above the load, and the recurrence run up to it.
        var n = (int)Math.Floor(a) + 1;
        var inv = 1.0;
        for (var k = 1; k <= n; k++)
        {
            inv = 1 + (inv * k / a);
        }

        var share = target.ServiceLevel;
        var t = target.WithinSeconds;
        var maxWait = target.MaximumAverageWaitSeconds;
        var binding = StaffingConstraint.ServiceLevel;
        var first = true;
        double b, pw, sl, asa;
        while (true)
        {
            b = double.IsPositiveInfinity(inv) ? 0 : 1 / inv;
            pw = Pw(a, n, b);
            sl = 1 - (pw * Math.Exp(-(n - a) * t / aht));
            asa = pw * aht / (n - a);
            var slMet = share is not { } s || sl >= s - 1e-12;
            var waitMet = target.MaximumAverageWait is null || asa <= maxWait + 1e-9;
            if (slMet && waitMet)
            {
                if (first)
                {
                    binding = StaffingConstraint.SteadyState;
                }

                break;
            }

            binding = slMet ? StaffingConstraint.AverageWait : StaffingConstraint.ServiceLevel;
            first = false;
            n = checked(n + 1);
            inv = 1 + (inv * n / a);
        }

        var forTarget = n;
        if (a / n > target.MaximumOccupancy)
        {
            var capped = CeilingTolerant(a / target.MaximumOccupancy);
            while (n < capped)
            {
                n++;
                inv = 1 + (inv * n / a);
            }

            binding = StaffingConstraint.Occupancy;
            b = double.IsPositiveInfinity(inv) ? 0 : 1 / inv;
            pw = Pw(a, n, b);
            sl = 1 - (pw * Math.Exp(-(n - a) * t / aht));
            asa = pw * aht / (n - a);
        }

        var rostered = target.Shrinkage > 0 ? CeilingTolerant(n / (1 - target.Shrinkage)) : n;
        return new ErlangCResult(a, forTarget, n, rostered, binding, b, pw, sl, asa, a / n);
    }

    /// <summary>⌈x⌉, forgiving the last bits of floating-point error (14 / 0.7 is 20, not 21).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int CeilingTolerant(double x)
    {
        var rounded = Math.Round(x);
        return Math.Abs(x - rounded) <= 1e-9 * Math.Max(1, Math.Abs(x)) ? (int)rounded : (int)Math.Ceiling(x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Pw(double a, int n, double b) => n * b / (n - (a * (1 - b)));

    private static void CheckSteadyState(double offeredLoad, int agents)
    {
        CheckLoad(offeredLoad, allowZero: false);
        Guard.InRange(agents, 0, MaximumAgents);
        if (agents <= offeredLoad)
        {
            throw new ArgumentOutOfRangeException(
                nameof(agents),
                agents,
                $"No steady state: with {agents} agent(s) and an offered load of {offeredLoad.ToString("0.####", CultureInfo.InvariantCulture)} E the queue grows without bound; the agents must be more than the load.");
        }
    }

    private static void CheckLoad(double offeredLoad, bool allowZero, [CallerArgumentExpression(nameof(offeredLoad))] string name = "")
    {
        if (double.IsNaN(offeredLoad) || offeredLoad < 0 || (!allowZero && offeredLoad == 0) || offeredLoad > MaximumOfferedLoad)
        {
            var range = allowZero ? "[0" : "(0";
            throw new ArgumentOutOfRangeException(name, offeredLoad, $"The offered load must be in {range}-{MaximumOfferedLoad.ToString(CultureInfo.InvariantCulture)}] Erlangs; it was {offeredLoad.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static void CheckPositive(Duration value, string name)
    {
        if (value <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"The duration must be more than zero; it was {value}.");
        }
    }
}
