using System;
using System.Linq;
using Retrosense.Platform.Provisioning;

namespace Retrosense.Platform.Tests.Provisioning;

public sealed class MosquittoAclWriterTests
{
    [Fact]
    public void Node_May_Write_Only_Its_Own_Message_Topics_And_Read_Only_Its_Config()
    {
        var acl = MosquittoAclWriter.Write([new NodeTopicGrant("acme", "plant1", "pump7", "n1")], []);
        var lines = acl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith('#')).ToArray();

        Assert.Equal(
            [
                "user acme:n1",
                "topic write retrosense/v1/acme/plant1/pump7/n1/birth",
                "topic write retrosense/v1/acme/plant1/pump7/n1/death",
                "topic write retrosense/v1/acme/plant1/pump7/n1/telemetry",
                "topic write retrosense/v1/acme/plant1/pump7/n1/alarm",
                "topic write retrosense/v1/acme/plant1/pump7/n1/status",
                "topic write retrosense/v1/acme/plant1/pump7/n1/config-ack",
                "topic read retrosense/v1/acme/plant1/pump7/n1/config",
            ],
            lines);
    }

    [Fact]
    public void Service_Users_Read_And_Write_Every_Retrosense_Topic_And_Nothing_Else()
    {
        var acl = MosquittoAclWriter.Write([], ["retrosense-cloud"]);

        Assert.Contains("user retrosense-cloud\ntopic readwrite retrosense/v1/#\n", acl, StringComparison.Ordinal);
        Assert.DoesNotContain("topic readwrite #", acl, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_Tenants_With_The_Same_Node_Id_Get_Separate_Users()
    {
        var acl = MosquittoAclWriter.Write([new NodeTopicGrant("globex", "s", "a", "n1"), new NodeTopicGrant("acme", "s", "a", "n1")], []);

        Assert.True(acl.IndexOf("user acme:n1", StringComparison.Ordinal) < acl.IndexOf("user globex:n1", StringComparison.Ordinal));
        Assert.Contains("topic write retrosense/v1/globex/s/a/n1/telemetry", acl, StringComparison.Ordinal);
        Assert.Equal(2, acl.Split('\n').Count(line => line.EndsWith("/n1/config", StringComparison.Ordinal)));
    }
}
