using System;

namespace Retrosense.Contracts
{
    /// <summary>
    /// An MQTT topic of the wire contract: <c>retrosense/v1/{tenant}/{site}/{asset}/{node}/{kind}</c>.
    /// Id segments (tenant, site, asset, node) use only <c>A–Z a–z 0–9 . _ -</c>, 1 to 64 characters: that set is safe
    /// in MQTT topics (no <c>/ + #</c>, no control characters or spaces), in file names and in URL paths, and it cannot
    /// smuggle in an extra topic level or a wildcard.
    /// </summary>
    public sealed class TopicPath
    {
        /// <summary>First topic level; lets the broker share a namespace with other applications.</summary>
        public const string Root = "retrosense";

        /// <summary>Topic version level; changes only with an incompatible topic layout (the payload has its own <c>schema</c>).</summary>
        public const string Version = "v1";

        /// <summary>"retrosense/v1/": every topic of the contract starts with it.</summary>
        public const string Prefix = Root + "/" + Version + "/";

        /// <summary>Longest id segment, in characters; keeps topics well under broker limits and ids readable.</summary>
        public const int MaxSegmentLength = 64;

        /// <summary>Filter matching every message of every node (for the cloud's ingestion subscription).</summary>
        public const string AllMessagesFilter = Prefix + "#";

        /// <summary>Number of '/'-separated levels in a topic.</summary>
        private const int LevelCount = 7;

        private TopicPath(string tenant, string site, string asset, string node, string kind)
        {
            Tenant = tenant;
            Site = site;
            Asset = asset;
            Node = node;
            Kind = kind;
        }

        public string Tenant { get; }

        public string Site { get; }

        public string Asset { get; }

        public string Node { get; }

        /// <summary>One of <see cref="MessageKind"/>.</summary>
        public string Kind { get; }

        /// <summary>The topic string.</summary>
        public override string ToString()
        {
            return Prefix + Tenant + "/" + Site + "/" + Asset + "/" + Node + "/" + Kind;
        }

        /// <summary>Builds a topic; throws <see cref="ArgumentException"/> naming the bad segment and why it is bad.</summary>
        public static string Build(string tenant, string site, string asset, string node, string kind)
        {
            return Create(tenant, site, asset, node, kind).ToString();
        }

        /// <summary>Like <see cref="Build"/> but returns the parsed form.</summary>
        public static TopicPath Create(string tenant, string site, string asset, string node, string kind)
        {
            RequireSegment("tenant", tenant);
            RequireSegment("site", site);
            RequireSegment("asset", asset);
            RequireSegment("node", node);
            if (!MessageKind.IsKnown(kind))
            {
                throw new ArgumentException("unknown message kind '" + kind + "'", "kind");
            }

            return new TopicPath(tenant, site, asset, node, kind);
        }

        /// <summary>The topic a node subscribes to for its configuration (QoS 1).</summary>
        public static string ConfigSubscription(string tenant, string site, string asset, string node)
        {
            return Build(tenant, site, asset, node, MessageKind.Config);
        }

        /// <summary>
        /// Parses a topic. On failure <paramref name="path"/> is null and <paramref name="error"/> says what is wrong
        /// (wrong prefix, wrong level count, empty or invalid segment, unknown kind); on success error is "".
        /// </summary>
        public static bool TryParse(string? topic, out TopicPath? path, out string error)
        {
            path = null;
            if (topic == null || topic.Length == 0)
            {
                error = "topic is empty";
                return false;
            }

            if (!topic.StartsWith(Prefix))
            {
                error = "topic does not start with '" + Prefix + "'";
                return false;
            }

            var levels = topic.Split('/');
            if (levels.Length != LevelCount)
            {
                error = "topic has " + levels.Length + " levels, expected " + LevelCount + " (" + Prefix + "{tenant}/{site}/{asset}/{node}/{kind})";
                return false;
            }

            string[] names = { "tenant", "site", "asset", "node" };
            for (var i = 0; i < names.Length; i++)
            {
                var problem = SegmentProblem(levels[i + 2]);
                if (problem != null)
                {
                    error = names[i] + " segment " + problem;
                    return false;
                }
            }

            var kind = levels[6];
            if (!MessageKind.IsKnown(kind))
            {
                error = kind.Length == 0 ? "kind segment is empty" : "unknown message kind '" + kind + "'";
                return false;
            }

            path = new TopicPath(levels[2], levels[3], levels[4], levels[5], kind);
            error = string.Empty;
            return true;
        }

        /// <summary>True when <paramref name="segment"/> is 1–64 characters of <c>A–Z a–z 0–9 . _ -</c>.</summary>
        public static bool IsValidSegment(string? segment)
        {
            return SegmentProblem(segment) == null;
        }

        /// <summary>Null for a valid id segment, else what is wrong with it.</summary>
        public static string? SegmentProblem(string? segment)
        {
            if (segment == null || segment.Length == 0)
            {
                return "is empty";
            }

            if (segment.Length > MaxSegmentLength)
            {
                return "is " + segment.Length + " characters long, at most " + MaxSegmentLength + " allowed";
            }

            for (var i = 0; i < segment.Length; i++)
            {
                var c = segment[i];
                var allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                if (!allowed)
                {
                    return "has invalid character " + Describe(c) + " at index " + i + " (allowed: A-Z a-z 0-9 . _ -)";
                }
            }

            return null;
        }

        private static void RequireSegment(string name, string segment)
        {
            var problem = SegmentProblem(segment);
            if (problem != null)
            {
                throw new ArgumentException(name + " id '" + segment + "' " + problem, name);
            }
        }

        private static string Describe(char c)
        {
            if (c < ' ' || c == (char)0x7F)
            {
                const string HexDigits = "0123456789ABCDEF";
                return "(control U+00" + new string(HexDigits[c >> 4], 1) + new string(HexDigits[c & 0xF], 1) + ")";
            }

            return "'" + new string(c, 1) + "'";
        }
    }
}
