namespace Retrosense.Server.Tests.Api;

/// <summary>The API test classes share one seeded server: starting one per class would cost a store and a broker each.</summary>
[CollectionDefinition(Name)]
public sealed class ApiServerCollection : ICollectionFixture<ApiTestServer>
{
    public const string Name = "API server";
}
