using System.Collections;
using System.Globalization;

namespace Baton.CodePipeline.Validation;

/// <summary>
/// One depth-first walk over a record graph, collecting errors in model member order. A member's
/// own constraints come before the errors inside it; list elements and map entries follow in
/// their order on the wire.
/// </summary>
internal sealed class ValidationWalk
{
    private readonly List<ValidationError> _errors = [];

    /// <summary>The errors found so far.</summary>
    public IReadOnlyList<ValidationError> Errors => _errors;

    /// <summary>Validates every member of a record; <paramref name="prefix"/> is empty or ends with a dot.</summary>
    public void Structure(object record, string prefix, bool sensitive)
    {
        var structure = WireStructure.For(record.GetType());
        sensitive |= structure.IsSensitive;
        foreach (var member in structure.Members)
        {
            Member(member, member.GetValue(record), prefix + member.WireName, sensitive || member.IsSensitive);
        }
    }

    private void Member(WireMember member, object? value, string path, bool sensitive)
    {
        if (value is null)
        {
            if (member.IsRequired)
            {
                _errors.Add(new ValidationError(path, null, ConstraintText.NotNull));
            }

            return;
        }

        switch (member.Type.Kind)
        {
            case WireKind.String or WireKind.Integer when member.Value is { } constraint:
                foreach (var violation in ConstraintCheck.Violations(constraint, member.Type.Kind, value))
                {
                    _errors.Add(new ValidationError(path, sensitive ? null : Render(value), violation, sensitive));
                }

                break;
            case WireKind.List:
                ListWalk.Walk(this, member, ((IEnumerable)value).Cast<object?>().ToList(), path, sensitive);
                break;
            case WireKind.Map:
                MapWalk.Walk(this, member, MapWalk.Entries(value), path, sensitive);
                break;
            case WireKind.Structure:
                Structure(value, path + ".", sensitive);
                break;
            default:
                break;
        }
    }

    /// <summary>Records one error.</summary>
    public void Add(ValidationError error) => _errors.Add(error);

    /// <summary>Renders a scalar the way the service's messages show it (Java's <c>toString</c>).</summary>
    public static string Render(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
