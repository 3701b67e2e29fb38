using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace CommunityControl.Tests.PublicApi;

/// <summary>
/// Renders the public surface of an assembly as sorted text, one line per member, so that any change to it (an added
/// member, a changed nullability, a renumbered enum value, an added <c>this</c>) shows as a one-line diff.
/// Written here because PublicApiGenerator is not available from the package registry served to this project.
/// </summary>
internal static class PublicApiRenderer
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Render(Assembly assembly)
    {
        var sb = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            sb.Append(Header(type)).Append('\n');
            foreach (var line in Members(type).OrderBy(l => l, StringComparer.Ordinal))
            {
                sb.Append("    ").Append(line).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Header(Type type)
    {
        string kind;
        if (type.IsEnum)
        {
            kind = "enum";
        }
        else if (type.IsInterface)
        {
            kind = "interface";
        }
        else if (type.IsValueType)
        {
            kind = (type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly " : string.Empty) + "struct";
        }
        else if (typeof(Delegate).IsAssignableFrom(type))
        {
            kind = "delegate";
        }
        else if (type.IsAbstract && type.IsSealed)
        {
            kind = "static class";
        }
        else
        {
            kind = (type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : string.Empty) + "class";
        }

        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
        {
            bases.Add(Name(b));
        }

        bases.AddRange(type.GetInterfaces().Select(Name).OrderBy(n => n, StringComparer.Ordinal));
        return $"{kind} {Name(type)}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty)}";
    }

    private static IEnumerable<string> Members(Type type)
    {
        var nullability = new NullabilityInfoContext();
        if (type.IsEnum)
        {
            foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return $"{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        foreach (var c in type.GetConstructors(Declared))
        {
            yield return $"ctor({Parameters(c.GetParameters(), nullability, false)})";
        }

        foreach (var m in type.GetMethods(Declared).Where(m => !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal)))
        {
            var isExtension = m.IsDefined(typeof(ExtensionAttribute));
            var generic = m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;
            yield return $"{(m.IsStatic ? "static " : string.Empty)}{(m.IsAbstract && !type.IsInterface ? "abstract " : m.IsVirtual && !m.IsFinal && !type.IsInterface ? "virtual " : string.Empty)}{m.Name}{generic}({Parameters(m.GetParameters(), nullability, isExtension)}) -> {TypeName(m.ReturnParameter, nullability)}";
        }

        foreach (var p in type.GetProperties(Declared))
        {
            var accessors = new List<string>();
            if (p.GetMethod is { IsPublic: true })
            {
                accessors.Add("get");
            }

            if (p.SetMethod is { IsPublic: true } set)
            {
                var isInit = set.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.FullName == "System.Runtime.CompilerServices.IsExternalInit");
                accessors.Add(isInit ? "init" : "set");
            }

            var isStatic = (p.GetMethod ?? p.SetMethod)!.IsStatic;
            var index = p.GetIndexParameters();
            var name = index.Length > 0 ? $"this[{Parameters(index, nullability, false)}]" : p.Name;
            var required = p.IsDefined(typeof(RequiredMemberAttribute)) ? "required " : string.Empty;
            yield return $"{(isStatic ? "static " : string.Empty)}{required}{name} {{ {string.Join("; ", accessors)}; }} -> {TypeName(nullability.Create(p))}";
        }

        foreach (var f in type.GetFields(Declared))
        {
            var prefix = f.IsLiteral ? "const " : (f.IsStatic ? "static " : string.Empty) + (f.IsInitOnly ? "readonly " : string.Empty);
            var value = f.IsLiteral ? " = " + Convert.ToString(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
            yield return $"{prefix}{f.Name} -> {TypeName(nullability.Create(f))}{value}";
        }

        foreach (var e in type.GetEvents(Declared))
        {
            yield return $"event {e.Name} -> {Name(e.EventHandlerType!)}";
        }
    }

    private static string Parameters(ParameterInfo[] parameters, NullabilityInfoContext context, bool isExtension)
    {
        return string.Join(", ", parameters.Select((p, i) =>
        {
            var modifier = p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : string.Empty;
            var @this = isExtension && i == 0 ? "this " : string.Empty;
            var @params = p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : string.Empty;
            var optional = p.HasDefaultValue ? " = " + (p.DefaultValue is null ? "null" : Convert.ToString(p.DefaultValue, System.Globalization.CultureInfo.InvariantCulture)) : string.Empty;
            return $"{@this}{@params}{modifier}{TypeName(p, context)} {p.Name}{optional}";
        }));
    }

    private static string TypeName(ParameterInfo parameter, NullabilityInfoContext context) => TypeName(context.Create(parameter));

    private static string TypeName(NullabilityInfo info)
    {
        var type = info.Type;
        if (type.IsByRef)
        {
            type = type.GetElementType()!;
        }

        var nullable = info.ReadState == NullabilityState.Nullable && !type.IsValueType ? "?" : string.Empty;
        if (info.ElementType is { } element)
        {
            return TypeName(element) + "[]" + nullable;
        }

        if (type.IsGenericType && info.GenericTypeArguments.Length > 0 && type.GetGenericTypeDefinition() != typeof(Nullable<>))
        {
            var name = type.GetGenericTypeDefinition().FullName!;
            name = name.Substring(0, name.IndexOf('`', StringComparison.Ordinal));
            return $"{name}<{string.Join(", ", info.GenericTypeArguments.Select(TypeName))}>{nullable}";
        }

        return Name(type) + nullable;
    }

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var name = (definition.FullName ?? definition.Name).Replace('+', '.');
            name = name.Substring(0, name.IndexOf('`', StringComparison.Ordinal));
            return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
        }

        return (type.FullName ?? type.Name).Replace('+', '.');
    }
}
