using System.Reflection;
using System.Text.Json.Serialization;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Model;

public class GeneratedRecordsTests
{
    private static readonly Type[] _records =
        [.. typeof(Job).Assembly.GetTypes().Where(t => t.GetCustomAttribute<ModelShapeAttribute>() is not null)];

    [Fact]
    public void Records_CoverEveryStructureOfTheClosure()
    {
        Assert.Equal(131, _records.Length);
        Assert.All(_records, t => Assert.True(t.IsSealed && t.GetMethod("<Clone>$") is not null, $"{t.Name} is not a sealed record"));
    }

    [Fact]
    public void Properties_AllCarryTheirWireNameAndAreInitOnly()
    {
        foreach (var property in _records.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            Assert.NotNull(property.GetCustomAttribute<JsonPropertyNameAttribute>());
            var setter = property.SetMethod!;
            Assert.Contains(setter.ReturnParameter.GetRequiredCustomModifiers(), m => m.Name == "IsExternalInit");
        }
    }

    [Fact]
    public void Constraints_CarryTheModelsValues()
    {
        var nonce = typeof(AcknowledgeJobRequest).GetProperty(nameof(AcknowledgeJobRequest.Nonce))!.GetCustomAttribute<ConstraintAttribute>()!;
        Assert.Equal((ConstraintTarget.Value, 1L, 50L), (nonce.Target, nonce.Min, nonce.Max));
        Assert.Null(nonce.Pattern);

        var status = typeof(ActionExecution).GetProperty(nameof(ActionExecution.Status))!.GetCustomAttribute<ConstraintAttribute>()!;
        Assert.Equal(ActionExecutionStatus.Values, status.Enum);
        Assert.False(status.HasMin);

        var configuration = typeof(ActionConfiguration).GetProperty(nameof(ActionConfiguration.Configuration))!
            .GetCustomAttributes<ConstraintAttribute>().ToDictionary(c => c.Target);
        Assert.Equal([ConstraintTarget.MapKey, ConstraintTarget.MapValue], configuration.Keys.Order());
        Assert.Equal(50, configuration[ConstraintTarget.MapKey].Max);

        var stages = typeof(PipelineDeclaration).GetProperty(nameof(PipelineDeclaration.Stages))!
            .GetCustomAttributes<ConstraintAttribute>().ToList();
        Assert.Empty(stages);
    }

    [Fact]
    public void Required_FollowsTheModel()
    {
        var nonce = typeof(AcknowledgeJobRequest).GetProperty(nameof(AcknowledgeJobRequest.Nonce))!;
        var maxBatchSize = typeof(PollForJobsRequest).GetProperty(nameof(PollForJobsRequest.MaxBatchSize))!;

        Assert.NotNull(nonce.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>());
        Assert.Null(maxBatchSize.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>());
        Assert.Equal(typeof(int?), maxBatchSize.PropertyType);
    }

    [Fact]
    public void EnumClasses_ListTheModelsValues()
    {
        Assert.Equal(["PLAINTEXT", "SECRETS_MANAGER"], EnvironmentVariableType.Values);
        Assert.Equal("SECRETS_MANAGER", EnvironmentVariableType.SecretsManager);
        Assert.Equal("InProgress", JobStatus.InProgress);
        Assert.Equal(7, JobStatus.Values.Count);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)JobStatus.Values)[0] = "Changed");
    }
}
