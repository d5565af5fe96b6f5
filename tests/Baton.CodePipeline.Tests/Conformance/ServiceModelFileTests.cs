namespace Baton.CodePipeline.Tests.Conformance;

public class ServiceModelFileTests
{
    [Fact]
    public void Locate_SpecDirHoldsTheModel_ReturnsThatFile()
    {
        var specDir = Path.GetDirectoryName(ServiceModelFile.Locate())!;

        Assert.Equal(Path.Combine(specDir, ServiceModelFile.FileName), ServiceModelFile.Locate(specDir, []));
    }

    [Fact]
    public void Locate_SpecDirWithoutTheModel_FailsNamingTheVariableAndPath()
    {
        var empty = Directory.CreateTempSubdirectory("baton-spec-").FullName;
        try
        {
            var error = Assert.Throws<FileNotFoundException>(() => ServiceModelFile.Locate(empty, [AppContext.BaseDirectory]));

            Assert.Contains(ServiceModelFile.SpecDirVariable, error.Message, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(empty, ServiceModelFile.FileName), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void Locate_NoModelAboveTheStartDirectories_ListsEveryPlaceLooked()
    {
        var empty = Directory.CreateTempSubdirectory("baton-start-").FullName;
        try
        {
            var error = Assert.Throws<FileNotFoundException>(() => ServiceModelFile.Locate(null, [empty]));

            Assert.Contains(Path.Combine(empty, "shared", "spec", ServiceModelFile.FileName), error.Message, StringComparison.Ordinal);
            Assert.Contains(ServiceModelFile.SpecDirVariable, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
