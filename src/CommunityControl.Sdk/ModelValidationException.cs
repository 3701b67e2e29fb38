using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Internal;

namespace CommunityControl;

/// <summary>
/// Thrown when a model (a zone tree, a policy, an edition) is built from parts that do not fit together.
/// <see cref="Failures"/> lists every problem found, not only the first.
/// </summary>
/// <remarks>
/// Messages name zones by their <c>ZoneId</c> and fields by their names; they never contain personal data.
/// A document read from JSON or CSV reports the same problems as a <see cref="DocumentFormatException"/>,
/// with the path and line of each.
/// </remarks>
/// <threadsafety static="true" instance="false"/>
#pragma warning disable CA1032 // One constructor on purpose: the type, like OptionsValidationException, always carries its failures.
public sealed class ModelValidationException : ArgumentException
#pragma warning restore CA1032
{
    /// <summary>Creates the exception for <paramref name="modelType"/> with every failure found.</summary>
    /// <param name="modelType">The type of the model that failed validation.</param>
    /// <param name="failures">Every problem found; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="modelType"/> or <paramref name="failures"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="failures"/> is empty.</exception>
    public ModelValidationException(Type modelType, IEnumerable<string> failures)
        : base(BuildMessage(modelType, failures, out var list))
    {
        ModelType = modelType;
        Failures = list;
    }

    /// <summary>Gets the type of the model that failed validation.</summary>
    public Type ModelType { get; }

    /// <summary>Gets every problem found, in the order found.</summary>
    public IReadOnlyList<string> Failures { get; }

    private static string BuildMessage(Type modelType, IEnumerable<string> failures, out IReadOnlyList<string> list)
    {
        Guard.NotNull(modelType);
        Guard.NotNull(failures);
        var array = failures.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("At least one failure is required.", nameof(failures));
        }

        list = Array.AsReadOnly(array);
        var noun = array.Length == 1 ? "problem" : "problems";
        return $"{modelType.Name} is invalid ({array.Length} {noun}): {string.Join("; ", array)}";
    }
}
