namespace Retrosense.Platform.Provisioning;

/// <summary>What a certificate issued by a tenant CA is for; recorded in the CA's ledger.</summary>
public enum CertificatePurpose
{
    /// <summary>A sensor node's MQTT client certificate (CN = <see cref="NodeCertificateName"/>).</summary>
    Node,

    /// <summary>A privileged MQTT client: the cloud's ingestion service or an operator tool.</summary>
    Service,

    /// <summary>A broker's TLS server certificate.</summary>
    Broker,
}
