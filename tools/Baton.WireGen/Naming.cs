using System.Globalization;
using System.Text;

namespace Baton.WireGen;

/// <summary>How model names become C# identifiers and literals.</summary>
internal static class Naming
{
    /// <summary>
    /// A member's property name: the member name with its first letter upper-cased
    /// (<c>s3location</c> → <c>S3location</c>, <c>logStreamARN</c> → <c>LogStreamARN</c>). A member
    /// that would share its record's name gets the suffix <c>Value</c> (C# forbids the clash).
    /// </summary>
    public static string PropertyName(string memberName, string recordName)
    {
        var name = char.ToUpperInvariant(memberName[0]) + memberName[1..];
        if (!IsIdentifier(name))
        {
            throw new GeneratorException($"Member '{memberName}' of '{recordName}' is not a valid C# identifier once PascalCased; add a rule to Naming.PropertyName.");
        }

        return name == recordName ? name + "Value" : name;
    }

    /// <summary>
    /// An enum value's constant name: the value split at <c>_</c>, <c>-</c>, <c>.</c>, <c>:</c>, <c>/</c> and spaces, each part
    /// with its first letter upper-cased, and all-capital parts (<c>SECRETS_MANAGER</c>, <c>AWS</c>)
    /// turned into Pascal case (<c>SecretsManager</c>, <c>Aws</c>). A name that starts with a digit
    /// gets the prefix <c>Value</c>; one that would clash with its class or with <c>Values</c> gets
    /// the suffix <c>Value</c>.
    /// </summary>
    public static string EnumConstantName(string value, string className)
    {
        var builder = new StringBuilder();
        foreach (var part in value.Split(['_', '-', '.', ':', '/', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var allCapitals = part.Any(char.IsLetter) && !part.Any(char.IsLower);
            var word = allCapitals ? part.ToLowerInvariant() : part;
            builder.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        var name = builder.ToString();
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            name = "Value" + name;
        }

        if (!IsIdentifier(name))
        {
            throw new GeneratorException($"Enum value '{value}' of '{className}' does not make a C# identifier; add a rule to Naming.EnumConstantName.");
        }

        return name == className || name == "Values" ? name + "Value" : name;
    }

    /// <summary>A regular C# string literal, with every character outside printable ASCII escaped.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\\' => @"\\",
                '"' => "\\\"",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                < ' ' or > '~' => @"\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
