using System.Collections.Generic;
using Retrosense.Platform.Registry;

namespace Retrosense.Platform.Provisioning;

/// <summary>What provisioning did: the registered node, its certificate, the files written and the commands to run.</summary>
public sealed record NodeProvisioningResult(
    RegisteredNode Node,
    Installation Installation,
    string CommonName,
    IssuedCertificate Certificate,
    bool CertificateAuthorityCreated,
    string OutputDirectory,
    IReadOnlyList<string> FilesWritten,
    IReadOnlyList<string> Commands,
    string BrokerDirectory);
