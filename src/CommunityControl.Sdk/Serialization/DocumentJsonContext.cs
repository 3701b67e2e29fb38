using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityControl.Authority;
using CommunityControl.Epidemiology;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;

namespace CommunityControl.Serialization;

/// <summary>
/// The one source-generated contract of every document the library reads and writes: camelCase names, unknown
/// properties rejected, enums as exactly one defined name, NodaTime values in ISO-8601, comments and trailing commas
/// allowed. Each document kind is a root type here; the readers map it to the model.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = new[]
    {
        typeof(IsoDurationJsonConverter),
        typeof(LocalTimeJsonConverter),
        typeof(LocalDateJsonConverter),
        typeof(InstantJsonConverter),
        typeof(StrictEnumConverter<ZoneKind>),
        typeof(StrictEnumConverter<CaseKind>),
        typeof(StrictEnumConverter<ControlSetting>),
        typeof(StrictEnumConverter<DayCountKind>),
        typeof(StrictEnumConverter<MissingIndicatorHandling>),
        typeof(StrictEnumConverter<OutingPurpose>),
        typeof(StrictEnumConverter<OutingWindowKind>),
        typeof(StrictEnumConverter<PersonCategory>),
        typeof(StrictEnumConverter<HealthCodeColour>),
        typeof(StrictEnumConverter<VenueKind>),
        typeof(StrictEnumConverter<VisitorPolicy>),
        typeof(StrictEnumConverter<CourierHandover>),
        typeof(StrictEnumConverter<MonitoringStatus>),
        typeof(StrictEnumConverter<CommunityAction>),
        typeof(StrictEnumConverter<Prohibition>),
        typeof(StrictEnumConverter<Role>),
        typeof(StrictEnumConverter<Permissions>),
        typeof(StrictEnumConverter<GrantCondition>),
        typeof(StrictEnumConverter<GateCheckMethod>),
        typeof(StrictEnumConverter<WorkKind>),
        typeof(StrictEnumConverter<WorkloadBasis>),
    })]
[JsonSerializable(typeof(ZoneTreeDocument))]
[JsonSerializable(typeof(EpidemicHistoryDocument))]
[JsonSerializable(typeof(PolicyEditionDocument))]
[JsonSerializable(typeof(MeasureTableDocument))]
[JsonSerializable(typeof(System.Collections.Generic.Dictionary<string, MeasureFragmentDocument>))]
[JsonSerializable(typeof(AccessPolicyDocument))]
[JsonSerializable(typeof(StaffingPolicyDocument))]
[JsonSerializable(typeof(SubsidyPolicyDocument))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext
{
    /// <summary>Gets a context that writes Chinese text as is rather than as \u escapes (documents are edited by people, not embedded in HTML).</summary>
    public static DocumentJsonContext Writer => LazyWriter.Instance;

    // A nested holder: the generated Default must be initialized first, and partial files give no order between them.
    private static class LazyWriter
    {
        public static readonly DocumentJsonContext Instance = new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
