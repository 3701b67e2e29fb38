using System.Collections.Generic;
using NodaTime;

namespace CommunityControl.Measures;

/// <summary>Proof of a negative nucleic-acid test, sampled within <see cref="Validity"/>, to leave the city.</summary>
/// <remarks>ninth edition and twenty measures, Low: "leaving the city needs a 48h negative NAT" (cn-policy §1d, §1e [S8, S11]).
/// A test sampled exactly 48 h before still counts; 48 h and one minute does not.</remarks>
public sealed class LeaveCityTest : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.LeaveCityTest;

    /// <inheritdoc/>
    public override string NameZh => "离市需持核酸检测阴性证明";

    /// <inheritdoc/>
    public override string NameEn => "Negative test to leave the city";

    /// <summary>Gets how long before leaving the test may have been sampled.</summary>
    /// <value>The default is 48 hours (cn-policy §1d).</value>
    public Duration Validity { get; init; } = Duration.FromHours(48);

    internal override void Validate(string path, List<(string Path, string Message)> problems)
        => CheckDuration(Validity, path + ".validity", Duration.FromDays(30), problems);

    internal override ControlMeasure Freeze() => new LeaveCityTest { Source = Source, Validity = Validity };
}
