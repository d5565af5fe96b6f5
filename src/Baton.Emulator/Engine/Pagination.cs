using System.Globalization;
using System.Text;

namespace Baton.Emulator.Engine;

/// <summary>Opaque <c>nextToken</c>s: an offset into a stable ordering, bound to one listing.</summary>
internal static class Pagination
{
    public static (IReadOnlyList<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> all, string listing, string? nextToken, int pageSize)
    {
        var offset = 0;
        if (nextToken is not null)
        {
            offset = Decode(listing, nextToken);
        }

        if (offset > all.Count)
        {
            throw EngineErrors.InvalidNextToken();
        }

        var page = all.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count;
        return (page, next < all.Count ? Encode(listing, next) : null);
    }

    private static string Encode(string listing, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(listing + "\n" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Decode(string listing, string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var parts = text.Split('\n');
            if (parts.Length == 2 && parts[0] == listing
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw EngineErrors.InvalidNextToken();
    }
}
