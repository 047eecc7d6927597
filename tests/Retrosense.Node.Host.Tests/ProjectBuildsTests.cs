namespace Retrosense.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Placeholder_Is_Replaced_By_Real_Tests() => Assert.True(true);
}
