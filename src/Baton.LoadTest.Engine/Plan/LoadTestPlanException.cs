namespace Baton.LoadTest.Engine.Plan;

/// <summary>A load test plan has invalid settings; <see cref="Problems"/> lists each one.</summary>
public sealed class LoadTestPlanException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    /// <param name="problems">One message per invalid setting.</param>
    public LoadTestPlanException(IReadOnlyList<string> problems)
        : base("The load test plan is invalid: " + string.Join(" ", problems)) => Problems = problems;

    /// <summary>Creates the exception with no listed problems.</summary>
    public LoadTestPlanException()
        : this([])
    {
    }

    /// <summary>Creates the exception with one problem.</summary>
    /// <param name="message">The problem.</param>
    public LoadTestPlanException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with one problem and its cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public LoadTestPlanException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>One message per invalid setting, each saying what to fix.</summary>
    public IReadOnlyList<string> Problems { get; }
}
