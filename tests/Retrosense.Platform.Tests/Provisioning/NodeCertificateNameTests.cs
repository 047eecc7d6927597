using System;
using Retrosense.Platform.Provisioning;

namespace Retrosense.Platform.Tests.Provisioning;

public sealed class NodeCertificateNameTests
{
    [Theory]
    [InlineData("acme", "n1", "acme:n1")]
    [InlineData("a.b", "c", "a.b:c")]
    [InlineData("a", "b.c", "a:b.c")]
    public void Common_Name_Splits_Back_Into_Exactly_Its_Tenant_And_Node(string tenant, string node, string expected)
    {
        var commonName = NodeCertificateName.CommonName(tenant, node);

        Assert.Equal(expected, commonName);
        Assert.True(NodeCertificateName.TryParse(commonName, out var parsedTenant, out var parsedNode));
        Assert.Equal((tenant, node), (parsedTenant, parsedNode));
    }

    [Theory]
    [InlineData("acme/x", "n1")]
    [InlineData("acme", "n#")]
    [InlineData("", "n1")]
    [InlineData("acme", "a:b")]
    public void Ids_Outside_The_Topic_Alphabet_Are_Refused(string tenant, string node)
    {
        Assert.Throws<ArgumentException>(() => NodeCertificateName.CommonName(tenant, node));
    }

    [Theory]
    [InlineData("retrosense-cloud")]
    [InlineData("acme:")]
    [InlineData(":n1")]
    [InlineData("a:b:c")]
    public void Names_That_Are_Not_Tenant_Colon_Node_Do_Not_Parse(string commonName)
    {
        Assert.False(NodeCertificateName.TryParse(commonName, out _, out _));
    }
}
