using System;
using System.Threading.Tasks;
using Retrosense.Platform.Credentials;
using Retrosense.Platform.Registry;
using Retrosense.Storage.Tests.Backends;
using Retrosense.Storage.Tests.Ingestion;

namespace Retrosense.Storage.Tests.Credentials;

/// <summary>Per-node MQTT passwords through <see cref="INodeCredentialStore"/>; run against every adapter.</summary>
public abstract class NodeCredentialStoreTests : StoreTestBase
{
    private const string Tenant = GoldenNodeMessages.Tenant;
    private const string Node = "n-001";

    protected NodeCredentialStoreTests(StoreBackend backend)
        : base(backend)
    {
    }

    private INodeCredentialStore Credentials => Store.Credentials;

    [Fact]
    public async Task An_Issued_Password_Verifies_And_Only_Its_Hash_Is_Stored()
    {
        await ProvisionGoldenNodeAsync(Node, 1);

        var password = await Credentials.IssuePasswordAsync(Tenant, Node);

        Assert.Matches("^[A-Za-z0-9_-]{43}$", password); // 32 bytes, base64url without padding
        Assert.True(await Credentials.VerifyPasswordAsync(Tenant, Node, password));
        Assert.False(await Credentials.VerifyPasswordAsync(Tenant, Node, password[..^1] + (password[^1] == 'A' ? 'B' : 'A')));
        Assert.False(await Credentials.VerifyPasswordAsync(Tenant, "n-002", password));
        Assert.False(await Credentials.VerifyPasswordAsync("other", Node, password));
        var stored = (byte[])(await Backend.QueryScalarAsync(Options, "SELECT secret_sha256 FROM node_credentials"))!;
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(password)), stored);
    }

    [Fact]
    public async Task Issuing_Again_Replaces_The_Earlier_Password()
    {
        await ProvisionGoldenNodeAsync(Node, 1);

        var first = await Credentials.IssuePasswordAsync(Tenant, Node);
        var second = await Credentials.IssuePasswordAsync(Tenant, Node);

        Assert.NotEqual(first, second);
        Assert.False(await Credentials.VerifyPasswordAsync(Tenant, Node, first));
        Assert.True(await Credentials.VerifyPasswordAsync(Tenant, Node, second));
        Assert.Equal(1, await CountAsync("node_credentials"));
    }

    [Fact]
    public async Task Revoking_The_Node_Retires_Its_Password_And_A_Reprovisioned_Node_Needs_A_New_One()
    {
        await ProvisionGoldenNodeAsync(Node, 1);
        var password = await Credentials.IssuePasswordAsync(Tenant, Node);

        await Store.Registry.RevokeNodeAsync(Tenant, Node, "board replaced");
        var afterRevoke = await Credentials.VerifyPasswordAsync(Tenant, Node, password);
        await Assert.ThrowsAsync<RegistryNotFoundException>(() => Credentials.IssuePasswordAsync(Tenant, Node));
        await ProvisionGoldenNodeAsync(Node, 2);

        Assert.False(afterRevoke);
        Assert.False(await Credentials.VerifyPasswordAsync(Tenant, Node, password));
        var fresh = await Credentials.IssuePasswordAsync(Tenant, Node);
        Assert.True(await Credentials.VerifyPasswordAsync(Tenant, Node, fresh));
    }

    [Fact]
    public async Task An_Unknown_Node_Gets_No_Password_And_Malformed_Input_Is_Simply_False()
    {
        await ProvisionGoldenNodeAsync(Node, 1);
        await Credentials.IssuePasswordAsync(Tenant, Node);

        await Assert.ThrowsAsync<RegistryNotFoundException>(() => Credentials.IssuePasswordAsync(Tenant, "n-404"));
        Assert.False(await Credentials.VerifyPasswordAsync(Tenant, Node, string.Empty));
        Assert.False(await Credentials.VerifyPasswordAsync(Tenant, Node, new string('x', 100_000)));
        Assert.False(await Credentials.VerifyPasswordAsync(Tenant, Node, "\ud800 lone surrogate"));
        Assert.False(await Credentials.VerifyPasswordAsync(string.Empty, Node, "x"));
        Assert.False(await Credentials.VerifyPasswordAsync(Tenant, Node, null!));
    }
}
