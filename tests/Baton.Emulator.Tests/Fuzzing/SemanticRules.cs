using System.Text.Json.Nodes;

namespace Baton.Emulator.Tests.Fuzzing;

/// <summary>
/// The rules CodePipeline enforces beyond the model's constraints (answered ValidationException
/// with a rule-specific message, by AWS and the emulator alike). A generated valid request is made
/// to follow them, so "model-valid and rule-abiding" is what must never be refused as invalid.
/// </summary>
internal static class SemanticRules
{
    public static JsonObject Apply(string operation, JsonObject request)
    {
        switch (operation)
        {
            case "PollForJobs":
                // Custom job workers poll Custom action types only.
                request["actionTypeId"]!["owner"] = "Custom";
                break;
            case "PollForThirdPartyJobs":
                request["actionTypeId"]!["owner"] = "ThirdParty";
                break;
            case "PutJobSuccessResult" when request["continuationToken"] is not null:
                // Output variables go with the final result only.
                request.Remove("outputVariables");
                break;
            case "CreateCustomActionType":
                FollowActionTypeRules(request);
                break;
        }

        return request;
    }

    private static void FollowActionTypeRules(JsonObject request)
    {
        // A queryable property must be required and not secret, and there is at most one.
        var queryableSeen = false;
        foreach (var property in request["configurationProperties"]?.AsArray() ?? [])
        {
            if (property!["queryable"]?.GetValue<bool>() == true && !queryableSeen)
            {
                queryableSeen = true;
                property["required"] = true;
                property["secret"] = false;
            }
            else
            {
                property["queryable"] = false;
            }
        }

        // Minimum artifact counts cannot exceed the maximums.
        foreach (var details in new[] { request["inputArtifactDetails"], request["outputArtifactDetails"] })
        {
            var min = details!["minimumCount"]!.GetValue<long>();
            var max = details["maximumCount"]!.GetValue<long>();
            details["minimumCount"] = Math.Min(min, max);
            details["maximumCount"] = Math.Max(min, max);
        }
    }
}
