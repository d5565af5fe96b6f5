using System.Text;

namespace Baton.CodePipeline.Signing;

/// <summary>RFC 3986 percent-encoding as SigV4 defines it: everything but unreserved characters, upper-case hex.</summary>
internal static class SigV4Encoding
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Encodes the UTF-8 bytes of <paramref name="value"/>, leaving only A-Z a-z 0-9 - . _ ~.</summary>
    public static string UriEncode(string value) => EncodeBytes(Encoding.UTF8.GetBytes(value));

    /// <summary>
    /// Decodes percent-escapes and re-encodes: the canonical form of an already encoded component,
    /// independent of how the sender chose to escape it (<c>%7e</c>, <c>~</c> and <c>%7E</c> agree).
    /// </summary>
    public static string NormalizeEncoding(string value) => EncodeBytes(DecodeToBytes(value));

    /// <summary>Resolves percent-escapes to UTF-8 text; a malformed escape stays as it is.</summary>
    public static string PercentDecode(string value) =>
        value.Contains('%', StringComparison.Ordinal) ? Encoding.UTF8.GetString(DecodeToBytes(value)) : value;

    private static byte[] DecodeToBytes(string value)
    {
        var raw = Encoding.UTF8.GetBytes(value);
        var output = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == (byte)'%' && i + 2 < raw.Length && IsHex(raw[i + 1]) && IsHex(raw[i + 2]))
            {
                output.Add((byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2])));
                i += 2;
            }
            else
            {
                output.Add(raw[i]);
            }
        }

        return [.. output];
    }

    private static string EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~';

    private static bool IsHex(byte b) =>
        b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');

    private static int HexValue(byte b) => b switch
    {
        <= (byte)'9' => b - '0',
        <= (byte)'F' => b - 'A' + 10,
        _ => b - 'a' + 10,
    };
}
