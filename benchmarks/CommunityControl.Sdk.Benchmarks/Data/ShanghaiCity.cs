using System;
using NodaTime;

namespace CommunityControl.Benchmarks.Data;

/// <summary>
/// A Shanghai-sized city and a spring-2022-sized wave, generated deterministically.
/// </summary>
/// <remarks>
/// <para>Approximate, rounded from Shanghai's published administrative divisions (上海市行政区划): 16 districts (since
/// Chongming became a district in 2016), about 215 subdistrict-level divisions (subdistricts, towns and townships) and
/// about 6,200 communities (residents' and villagers' committees); read them as within a few per cent. Illustrative,
/// chosen for the size of the city (24,870,895 residents in the 2020 census, 上海市第七次全国人口普查主要数据公报): 13,000
/// compounds, 250,000 buildings and 1,000,000 units of 6–14 households each (about 10 million households).</para>
/// <para>The wave: about 600,000 infections over 60 days, the size of Shanghai's spring-2022 wave as the Shanghai
/// Municipal Health Commission's daily reports counted it (mostly asymptomatic infections): here a bell-shaped curve
/// peaking near 25,000 a day on day 35, nine cases in ten asymptomatic (illustrative shares).</para>
/// </remarks>
public static class ShanghaiCity
{
    /// <summary>The number of infections of the wave.</summary>
    public const int WaveInfections = 600_000;

    /// <summary>The wave's length in days.</summary>
    public const int WaveDays = 60;

    /// <summary>One case in ten is confirmed, the others asymptomatic.</summary>
    public const int ConfirmedEvery = 10;

    /// <summary>The first day of the generated wave.</summary>
    public static readonly LocalDate FirstDay = new(2022, 3, 20);

    /// <summary>The full city's shape: 1,269,432 zones.</summary>
    public static readonly TreeShape FullShape = new("3101", "上海市", 16, 215, 6_200, 13_000, 250_000, 1_000_000);

    /// <summary>
    /// The share of the full city the benchmarks use: 1, or 1/64 when the environment variable
    /// <c>COMMUNITYCONTROL_BENCHMARK_SMOKE</c> is <c>1</c> (CI's smoke run, which only checks that every benchmark runs).
    /// </summary>
    public static readonly double Share = Environment.GetEnvironmentVariable("COMMUNITYCONTROL_BENCHMARK_SMOKE") == "1" ? 1.0 / 64 : 1.0;

    /// <summary>The city the benchmarks use: <see cref="FullShape"/> scaled by <see cref="Share"/>.</summary>
    public static readonly TreeShape Shape = Share == 1.0 ? FullShape : FullShape.Scaled(Share);

    /// <summary>
    /// Cases per day: a bell curve (mean day 35, standard deviation 9.6 days) scaled to <see cref="WaveInfections"/>
    /// (times <see cref="Share"/>).
    /// </summary>
    public static int[] Wave()
    {
        var weights = new double[WaveDays];
        var total = 0.0;
        for (var d = 0; d < WaveDays; d++)
        {
            var z = (d - 35) / 9.6;
            weights[d] = Math.Exp(-z * z / 2);
            total += weights[d];
        }

        var counts = new int[WaveDays];
        var cumulative = 0.0;
        var previous = 0;
        for (var d = 0; d < WaveDays; d++)
        {
            cumulative += weights[d];
            var upTo = (int)Math.Round(WaveInfections * Share * cumulative / total);
            counts[d] = upTo - previous;
            previous = upTo;
        }

        return counts;
    }
}
