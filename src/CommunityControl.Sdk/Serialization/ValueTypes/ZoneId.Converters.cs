using System.ComponentModel;
using System.Text.Json.Serialization;
using CommunityControl.Serialization;

namespace CommunityControl.Zones;

// The serialization part attaches its converters to the value type here, so that default System.Text.Json, minimal
// APIs, MVC and configuration binding convert it as text without the model's own files knowing any format. (Attributes
// are the only way those hosts find a converter without being told; see docs in Serialization/ValueTypes.)
[JsonConverter(typeof(ZoneIdJsonConverter))]
[TypeConverter(typeof(ZoneIdTypeConverter))]
public readonly partial struct ZoneId
{
}
