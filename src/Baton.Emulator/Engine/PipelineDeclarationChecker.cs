using Baton.CodePipeline.Model;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

/// <summary>
/// Checks a pipeline declaration's structure beyond the model's constraints (which the API
/// layer already checked): stage and action names, action types the emulator can run, required
/// configuration, artifact counts and flow, namespaces. Raises the service's Invalid*Exception.
/// </summary>
internal static class PipelineDeclarationChecker
{
    public static void Check(PipelineDeclaration pipeline, Func<ActionTypeId, ActionTypeEntity?> findType)
    {
        CheckArtifactStore(pipeline);
        if (pipeline.Stages.Count < 2)
        {
            throw EngineErrors.InvalidStructure(
                $"Pipeline has only {pipeline.Stages.Count} stage(s). There should be a minimum of 2 stages in a pipeline");
        }

        var stageNames = new HashSet<string>(StringComparer.Ordinal);
        var actionNames = new HashSet<string>(StringComparer.Ordinal);
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        var artifacts = new Dictionary<string, (int Stage, int RunOrder)>(StringComparer.Ordinal);
        for (var s = 0; s < pipeline.Stages.Count; s++)
        {
            var stage = pipeline.Stages[s];
            if (!stageNames.Add(stage.Name))
            {
                throw EngineErrors.InvalidStage($"Stage name '{stage.Name}' is used more than once; stage names must be unique in a pipeline.");
            }

            if (stage.Actions.Count == 0)
            {
                throw EngineErrors.InvalidStage($"Stage '{stage.Name}' has no actions; a stage needs at least one action.");
            }

            foreach (var action in stage.Actions.OrderBy(a => a.RunOrder ?? 1))
            {
                if (!actionNames.Add(action.Name))
                {
                    throw EngineErrors.InvalidAction($"Action name '{action.Name}' is used more than once; action names must be unique in a pipeline.");
                }

                var isSource = action.ActionTypeId.Category == ActionCategory.Source;
                if (s == 0 && !isSource)
                {
                    throw EngineErrors.InvalidStructure(
                        $"Stage '{stage.Name}' is the first stage, so it may hold only source actions; action '{action.Name}' has category '{action.ActionTypeId.Category}'.");
                }

                if (s > 0 && isSource)
                {
                    throw EngineErrors.InvalidStructure(
                        $"Source action '{action.Name}' is in stage '{stage.Name}'; source actions must be in the first stage.");
                }

                var type = findType(action.ActionTypeId)
                    ?? throw EngineErrors.InvalidAction(
                        $"{ActionTypeEntity.Describe(action.ActionTypeId)} in action '{action.Name}' is not available. "
                        + "The Baton emulator runs the AWS providers S3 (Source) and Manual (Approval), and Custom and ThirdParty action types that exist and are not deleted.");
                CheckAction(stage, action, type, s, artifacts);
                if (action.Namespace is { } space && !namespaces.Add(space))
                {
                    throw EngineErrors.InvalidAction($"Namespace '{space}' of action '{action.Name}' is already used by another action; namespaces must be unique in a pipeline.");
                }
            }
        }
    }

    private static void CheckArtifactStore(PipelineDeclaration pipeline)
    {
        if ((pipeline.ArtifactStore is null) == (pipeline.ArtifactStores is null or { Count: 0 }))
        {
            throw EngineErrors.InvalidStructure("A pipeline needs exactly one of artifactStore or artifactStores.");
        }

        foreach (var store in pipeline.ArtifactStores?.Values ?? [pipeline.ArtifactStore!])
        {
            if (store.Type != ArtifactStoreType.S3)
            {
                throw EngineErrors.InvalidStructure($"Artifact store type '{store.Type}' is not supported; use S3.");
            }
        }
    }

    private static void CheckAction(StageDeclaration stage, ActionDeclaration action, ActionTypeEntity type, int stageIndex, Dictionary<string, (int Stage, int RunOrder)> artifacts)
    {
        var configuration = action.Configuration ?? new Dictionary<string, string>();
        foreach (var property in type.ConfigurationProperties.Where(p => p.Required))
        {
            if (!configuration.TryGetValue(property.Name, out var value) || string.IsNullOrEmpty(value))
            {
                throw EngineErrors.InvalidAction(
                    $"Action configuration for action '{action.Name}' is missing required configuration '{property.Name}'.");
            }
        }

        foreach (var key in configuration.Keys)
        {
            if (type.Property(key) is null)
            {
                throw EngineErrors.InvalidAction(
                    $"Action configuration for action '{action.Name}' contains unknown configuration '{key}'; "
                    + $"{ActionTypeEntity.Describe(type.Id)} accepts: {string.Join(", ", type.ConfigurationProperties.Select(p => p.Name))}.");
            }
        }

        if (type.QueryableProperty is { } queryable && configuration.TryGetValue(queryable.Name, out var queryValue)
            && (queryValue.Length > 20 || !queryValue.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            throw EngineErrors.InvalidAction(
                $"Queryable configuration '{queryable.Name}' of action '{action.Name}' must be at most 20 characters of A-Z, a-z, 0-9, _ and -.");
        }

        if (action.TimeoutInMinutes is not null && !BuiltInActionTypes.IsManualApproval(action.ActionTypeId))
        {
            throw EngineErrors.InvalidAction($"Action '{action.Name}' sets timeoutInMinutes, which only manual approval actions may set.");
        }

        CheckCount(action, "input", action.InputArtifacts?.Count ?? 0, type.InputArtifactDetails);
        CheckCount(action, "output", action.OutputArtifacts?.Count ?? 0, type.OutputArtifactDetails);
        var runOrder = action.RunOrder ?? 1;
        foreach (var input in action.InputArtifacts ?? [])
        {
            if (!artifacts.TryGetValue(input.Name, out var producer) || (producer.Stage == stageIndex && producer.RunOrder >= runOrder))
            {
                throw EngineErrors.InvalidStructure(
                    $"Input artifact '{input.Name}' of action '{action.Name}' in stage '{stage.Name}' is not the output of an earlier action.");
            }
        }

        foreach (var output in action.OutputArtifacts ?? [])
        {
            if (!artifacts.TryAdd(output.Name, (stageIndex, runOrder)))
            {
                throw EngineErrors.InvalidStructure($"Output artifact name '{output.Name}' of action '{action.Name}' is already used; artifact names must be unique in a pipeline.");
            }
        }
    }

    private static void CheckCount(ActionDeclaration action, string direction, int count, ArtifactDetails details)
    {
        if (count < details.MinimumCount || count > details.MaximumCount)
        {
            throw EngineErrors.InvalidAction(
                $"Action '{action.Name}' has {count} {direction} artifact(s); its action type allows {details.MinimumCount} to {details.MaximumCount}.");
        }
    }
}
