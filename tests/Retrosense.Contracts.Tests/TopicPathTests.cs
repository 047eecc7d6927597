using System;
using Retrosense.Contracts;

namespace Retrosense.Contracts.Tests;

public class TopicPathTests
{
    [Theory]
    [InlineData(MessageKind.Birth)]
    [InlineData(MessageKind.Death)]
    [InlineData(MessageKind.Telemetry)]
    [InlineData(MessageKind.Alarm)]
    [InlineData(MessageKind.Status)]
    [InlineData(MessageKind.Config)]
    [InlineData(MessageKind.ConfigAck)]
    public void Build_Then_Parse_Returns_The_Same_Segments(string kind)
    {
        var topic = TopicPath.Build("acme-foods", "plant.2", "mixer_07", "n-001", kind);

        Assert.Equal("retrosense/v1/acme-foods/plant.2/mixer_07/n-001/" + kind, topic);
        Assert.True(TopicPath.TryParse(topic, out var path, out var error), error);
        Assert.NotNull(path);
        Assert.Equal("acme-foods", path.Tenant);
        Assert.Equal("plant.2", path.Site);
        Assert.Equal("mixer_07", path.Asset);
        Assert.Equal("n-001", path.Node);
        Assert.Equal(kind, path.Kind);
        Assert.Equal(topic, path.ToString());
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Config_Subscription_Is_The_Nodes_Config_Topic()
    {
        Assert.Equal("retrosense/v1/t/s/a/n-9/config", TopicPath.ConfigSubscription("t", "s", "a", "n-9"));
    }

    [Theory]
    [InlineData("a/b", "invalid character '/'")]
    [InlineData("a+b", "invalid character '+'")]
    [InlineData("a#", "invalid character '#'")]
    [InlineData("has space", "invalid character ' '")]
    [InlineData("tab\there", "control U+0009")]
    [InlineData("", "is empty")]
    [InlineData("한국", "invalid character '한'")]
    public void Build_Rejects_A_Bad_Node_Id_Naming_The_Segment_And_The_Problem(string node, string expectedProblem)
    {
        var exception = Assert.Throws<ArgumentException>(() => TopicPath.Build("t", "s", "a", node, MessageKind.Telemetry));

        Assert.Contains("node id", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expectedProblem, exception.Message, StringComparison.Ordinal);
        Assert.Equal("node", exception.ParamName);
    }

    [Fact]
    public void Segments_Of_64_Characters_Are_Valid_And_Of_65_Are_Not()
    {
        Assert.True(TopicPath.IsValidSegment(new string('a', 64)));
        Assert.False(TopicPath.IsValidSegment(new string('a', 65)));
        Assert.Contains("65 characters long, at most 64", TopicPath.SegmentProblem(new string('a', 65)), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TopicPath.Build(new string('t', 65), "s", "a", "n", MessageKind.Status));
    }

    [Fact]
    public void Build_Rejects_An_Unknown_Kind()
    {
        var exception = Assert.Throws<ArgumentException>(() => TopicPath.Build("t", "s", "a", "n", "telemetrie"));
        Assert.Contains("unknown message kind 'telemetrie'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("retrosense/v2/t/s/a/n/telemetry", "does not start with 'retrosense/v1/'")]
    [InlineData("other/v1/t/s/a/n/telemetry", "does not start with 'retrosense/v1/'")]
    [InlineData("retrosense/v1/t/s/a/telemetry", "has 6 levels, expected 7")]
    [InlineData("retrosense/v1/t/s/a/n/telemetry/extra", "has 8 levels, expected 7")]
    [InlineData("retrosense/v1/t/s/a/n/telemetrie", "unknown message kind 'telemetrie'")]
    [InlineData("retrosense/v1/t/s/a/n/", "kind segment is empty")]
    [InlineData("retrosense/v1/t//a/n/telemetry", "site segment is empty")]
    [InlineData("retrosense/v1/t/s/+/n/telemetry", "asset segment has invalid character '+'")]
    [InlineData("retrosense/v1/#/s/a/n/telemetry", "tenant segment has invalid character '#'")]
    [InlineData("", "topic is empty")]
    public void TryParse_Rejects_A_Bad_Topic_And_Says_Why(string topic, string expectedError)
    {
        Assert.False(TopicPath.TryParse(topic, out var path, out var error));
        Assert.Null(path);
        Assert.Contains(expectedError, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Kind_Lookup_Is_Exact()
    {
        Assert.True(MessageKind.IsKnown("config-ack"));
        Assert.False(MessageKind.IsKnown("Telemetry"));
        Assert.False(MessageKind.IsKnown("config_ack"));
        Assert.False(MessageKind.IsKnown(null));
    }
}
