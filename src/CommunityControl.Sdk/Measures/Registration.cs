using System;
using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>Registration at the gate (登记) of the listed categories of people coming in.</summary>
/// <remarks>Wuhan 2020-02-14: 测温、登记、审核放行 (cn-policy §2 [S15]); Beijing 2020-02-01: visitors, outside cars and new tenants (§2 [S20b]).</remarks>
public sealed class Registration : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.Registration;

    /// <inheritdoc/>
    public override string NameZh => "登记";

    /// <inheritdoc/>
    public override string NameEn => "Registration";

    /// <summary>Gets the categories of people registered when they come in.</summary>
    /// <value>The default is empty, which is rejected: the categories must be stated.</value>
    public IReadOnlyList<PersonCategory> Categories { get; init; } = Array.Empty<PersonCategory>();

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        if (Categories is null || Categories.Count == 0)
        {
            problems.Add((path + ".categories", "At least one category of people must be registered."));
            return;
        }

        for (var i = 0; i < Categories.Count; i++)
        {
            if (Categories[i] <= PersonCategory.Unknown || Categories[i] > PersonCategory.Staff)
            {
                problems.Add(($"{path}.categories[{i}]", $"'{Categories[i]}' is not a category of people."));
            }
        }
    }

    internal override ControlMeasure Freeze() => new Registration { Source = Source, Categories = FreezeList(Categories) };
}
