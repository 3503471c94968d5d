using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

public class HealthTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Healthz_answers()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");
        Assert.True(response.IsSuccessStatusCode);
    }
}
