namespace Retrosense.Node.Host;

internal static class Program
{
    private static int Main()
    {
        System.Console.Error.WriteLine("retrosense-node: not built yet");
        return 1;
    }
}
