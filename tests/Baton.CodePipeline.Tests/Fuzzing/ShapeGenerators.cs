using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Baton.CodePipeline.Tests.Fuzzing;

/// <summary>
/// CsCheck generators of JSON values that satisfy a model shape: every required member, a random
/// choice of optional ones, strings within their length, pattern and enum, numbers within their
/// range. Deep optional parts thin out with depth so values stay small.
/// </summary>
internal static class ShapeGenerators
{
    private const int MaxDepth = 6;
    private const string PlainChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.:/";

    /// <summary>A valid JSON value of the shape.</summary>
    public static Gen<JsonNode> Valid(string shapeName) => Valid(ShapeModel.Instance[shapeName], 0);

    /// <summary>The characters a <c>[...]+</c> pattern allows, or null for any other pattern.</summary>
    public static string? CharacterClass(string pattern)
    {
        var body = pattern.TrimStart('^').TrimEnd('$');
        if (!body.StartsWith('[') || !body.EndsWith("]+", StringComparison.Ordinal))
        {
            return null;
        }

        var chars = new StringBuilder();
        var inner = body[1..^2];
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '\\' && i + 1 < inner.Length)
            {
                chars.Append(inner[++i] == 'w' ? "abcXYZ019_" : inner[i].ToString());
            }
            else if (i + 2 < inner.Length && inner[i + 1] == '-' && inner[i + 2] != ']')
            {
                for (var r = c; r <= inner[i + 2]; r++)
                {
                    chars.Append(r);
                }

                i += 2;
            }
            else
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }

    private static Gen<JsonNode> Valid(Shape shape, int depth) => shape.Type switch
    {
        "structure" => Structure(shape, depth),
        "list" => List(shape, depth),
        "map" => Map(shape, depth),
        "string" => String(shape).Select(s => (JsonNode)JsonValue.Create(s)),
        "integer" or "long" => Gen.Long[shape.Min ?? 0, Math.Min(shape.Max ?? 1000, (shape.Min ?? 0) + 1000)].Select(n => (JsonNode)JsonValue.Create(n)),
        "boolean" => Gen.Bool.Select(b => (JsonNode)JsonValue.Create(b)),
        "timestamp" => Gen.Long[1_500_000_000, 1_900_000_000].Select(n => (JsonNode)JsonValue.Create(n)),
        _ => throw new NotSupportedException($"No generator for shape {shape.Name} of type {shape.Type}."),
    };

    private static Gen<JsonNode> Structure(Shape shape, int depth)
    {
        var model = ShapeModel.Instance;
        var members = new List<Gen<(string Name, JsonNode? Value)>>();
        foreach (var (name, memberShape) in shape.Members)
        {
            var required = shape.Required.Contains(name);
            if (!required && depth >= MaxDepth)
            {
                continue;
            }

            var member = name;
            var value = Valid(model[memberShape], depth + 1);
            members.Add(required
                ? value.Select(v => (member, (JsonNode?)v))
                : Gen.Frequency((2, value.Select(v => (member, (JsonNode?)v))), (1, Gen.Const((member, (JsonNode?)null)))));
        }

        return Sequence(members).Select(pairs =>
        {
            var result = new JsonObject();
            foreach (var (name, value) in pairs)
            {
                if (value is not null)
                {
                    result[name] = value;
                }
            }

            return (JsonNode)result;
        });
    }

    private static Gen<JsonNode> List(Shape shape, int depth)
    {
        var min = (int)(shape.Min ?? 0);
        var max = depth >= MaxDepth ? min : (int)Math.Min(shape.Max ?? min + 2, min + 2);
        return Valid(ShapeModel.Instance[shape.ListMember], depth + 1).Array[min, max]
            .Select(items => (JsonNode)new JsonArray([.. items]));
    }

    private static Gen<JsonNode> Map(Shape shape, int depth)
    {
        var min = (int)(shape.Min ?? 0);
        var max = depth >= MaxDepth ? min : (int)Math.Min(shape.Max ?? min + 2, min + 2);
        var entry = Gen.Select(String(ShapeModel.Instance[shape.MapKey]), Valid(ShapeModel.Instance[shape.MapValue], depth + 1));
        return entry.Array[min, max].Select(entries =>
        {
            var result = new JsonObject();
            foreach (var (key, value) in entries)
            {
                result[key] = value;
            }

            return (JsonNode)result;
        });
    }

    private static Gen<string> String(Shape shape)
    {
        if (shape.Enum is { } values)
        {
            return Gen.OneOf(values.ToArray());
        }

        var min = (int)Math.Max(shape.Min ?? 0, 0);
        var max = (int)Math.Min(shape.Max ?? min + 24, min + 24);
        return shape.Pattern switch
        {
            null or ".*" => Chars(PlainChars, min, max),
            "[0-9]{12}" or "[0-9]{12}|\\*" => Chars("0123456789", 12, 12),
            "AWS|ThirdParty" => Gen.OneOf("AWS", "ThirdParty"),
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" => Gen.Byte.Array[16].Select(b => new Guid(b).ToString("D")),
            "arn:aws(-[\\w]+)*:iam::[0-9]{12}:role/.*" => Arn("arn:aws:iam::123456789012:role/", max),
            "arn:aws(-[\\w]+)*:codepipeline:.+:[0-9]{12}:.+" => Arn("arn:aws:codepipeline:us-east-1:123456789012:", max),
            "arn:aws(-[\\w]+)*:lambda:.+:[0-9]{12}:function:.+" => Arn("arn:aws:lambda:us-east-1:123456789012:function:", max),
            var pattern => CharacterClass(pattern) is { } chars
                ? Chars(chars, Math.Max(min, 1), Math.Max(max, 1))
                : throw new NotSupportedException($"No generator for the pattern {pattern} of shape {shape.Name}."),
        };
    }

    private static Gen<string> Arn(string prefix, int max) =>
        Chars("abcdefghijklmnopqrstuvwxyz0123456789-", 1, Math.Max(1, Math.Min(16, max - prefix.Length))).Select(s => prefix + s);

    private static Gen<string> Chars(string alphabet, int min, int max) =>
        Gen.Char[alphabet].Array[min, Math.Max(min, max)].Select(a => new string(a));

    private static Gen<List<T>> Sequence<T>(List<Gen<T>> gens) =>
        gens.Aggregate(
            Gen.Const(() => new List<T>()),
            (acc, next) => Gen.Select(acc, next, (list, item) =>
            {
                list.Add(item);
                return list;
            }));
}
