namespace Baton.WireGen;

/// <summary>
/// Emits one <c>public sealed record</c> per structure shape: <c>[ModelShape]</c>, one init-only
/// property per member with <c>[JsonPropertyName]</c>, <c>[Constraint]</c> and <c>[Sensitive]</c>,
/// and a redacting <c>PrintMembers</c> when any member holds a secret.
/// </summary>
internal sealed class RecordEmitter(WirePlan plan)
{
    /// <summary>
    /// Members that hold a secret although the model does not mark them <c>sensitive</c>: the
    /// third-party client token authenticates a partner's agent. They are redacted from
    /// <c>ToString()</c> but carry no <c>[Sensitive]</c>, which mirrors the model exactly.
    /// </summary>
    private static readonly HashSet<string> _secretMembers = new(StringComparer.Ordinal) { "clientToken" };

    public string Emit(Shape shape)
    {
        var name = plan.RecordName(shape.Name);
        var members = shape.Members.Select(m => Describe(shape, name, m)).ToList();
        var writer = new CodeWriter("Baton.CodePipeline.Model", members.Count > 0 ? ["System.Text.Json.Serialization"] : []);
        writer.Summary(DocText.Summary(shape.Documentation, Fallback(shape)));
        writer.Line($"[ModelShape({Naming.Literal(shape.Name)})]");
        if (shape.Sensitive)
        {
            writer.Line("[Sensitive]");
        }

        if (members.Count == 0)
        {
            writer.Line($"public sealed record {name};");
            return writer.ToString();
        }

        writer.Open($"public sealed record {name}");
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            WriteProperty(writer, members[i]);
        }

        if (members.Any(m => m.Redacted))
        {
            writer.Line();
            WritePrintMembers(writer, members);
        }

        writer.Close();
        return writer.ToString();
    }

    private MemberPlan Describe(Shape owner, string recordName, ShapeMember member)
    {
        var target = plan.Model.Shape(member.Target);
        var required = owner.Required.Contains(member.Name);
        var type = plan.TypeOf(member.Target);
        var sensitive = member.Sensitive || target.Sensitive
            || (target.ListMember is not null && plan.Model.Shape(target.ListMember).Sensitive)
            || (target.MapValue is not null && plan.Model.Shape(target.MapValue).Sensitive);
        return new MemberPlan(
            member,
            target,
            Naming.PropertyName(member.Name, recordName),
            required ? type : type + "?",
            required,
            sensitive,
            sensitive || owner.Sensitive || _secretMembers.Contains(member.Name));
    }

    private void WriteProperty(CodeWriter writer, MemberPlan member)
    {
        writer.Summary(DocText.Summary(
            member.Member.Documentation ?? member.Target.Documentation,
            $"The <c>{member.Member.Name}</c> member."));
        writer.Line($"[JsonPropertyName({Naming.Literal(member.Member.Name)})]");
        foreach (var constraint in Constraints(member.Target))
        {
            writer.Line(constraint);
        }

        if (member.Sensitive)
        {
            writer.Line("[Sensitive]");
        }

        var modifier = member.Required ? "required " : string.Empty;
        writer.Line($"public {modifier}{member.Type} {member.Property} {{ get; init; }}");
    }

    private IEnumerable<string> Constraints(Shape target)
    {
        if (Constraint("Value", target) is { } value)
        {
            yield return value;
        }

        var levels = new[] { ("ListMember", target.ListMember), ("MapKey", target.MapKey), ("MapValue", target.MapValue) };
        foreach (var (level, shapeName) in levels)
        {
            if (shapeName is not null && Constraint(level, plan.Model.Shape(shapeName)) is { } nested)
            {
                yield return nested;
            }
        }
    }

    private static string? Constraint(string level, Shape shape)
    {
        if (!shape.HasConstraints)
        {
            return null;
        }

        var arguments = new List<string> { $"Target = ConstraintTarget.{level}" };
        if (shape.Min is { } min)
        {
            arguments.Add($"Min = {min}");
        }

        if (shape.Max is { } max)
        {
            arguments.Add($"Max = {max}");
        }

        if (shape.Pattern is { } pattern)
        {
            arguments.Add($"Pattern = {Naming.Literal(pattern)}");
        }

        if (shape.Enum is { } values)
        {
            arguments.Add($"Enum = new[] {{ {string.Join(", ", values.Select(Naming.Literal))} }}");
        }

        return $"[Constraint({string.Join(", ", arguments)})]";
    }

    private void WritePrintMembers(CodeWriter writer, List<MemberPlan> members)
    {
        writer.Line("// Secrets print as *** so that credentials and client tokens never reach a log.");
        writer.Open("private bool PrintMembers(System.Text.StringBuilder builder)");
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var separator = i == 0 ? string.Empty : ", ";
            writer.Line($"builder.Append({Naming.Literal(separator + member.Property + " = ")});");
            writer.Line((member.Redacted, member.Type.EndsWith('?') || !plan.IsValueType(member.Target.Name)) switch
            {
                (true, true) => $"builder.Append({member.Property} is null ? \"\" : \"***\");",
                (true, false) => "builder.Append(\"***\");",
                _ => $"builder.Append((object?){member.Property});",
            });
        }

        writer.Line("return true;");
        writer.Close();
    }

    private string Fallback(Shape shape)
    {
        foreach (var operation in plan.Operations)
        {
            if (operation.Input == shape.Name)
            {
                return $"The body of a <c>{operation.Name}</c> request.";
            }

            if (operation.Output == shape.Name)
            {
                return $"The body of a <c>{operation.Name}</c> response.";
            }
        }

        return $"The <c>{shape.Name}</c> structure of the CodePipeline model.";
    }

    private sealed record MemberPlan(ShapeMember Member, Shape Target, string Property, string Type, bool Required, bool Sensitive, bool Redacted);
}
