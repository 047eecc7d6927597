using Retrosense.Node.Nano;

namespace Retrosense.Node.Stm32
{
    /// <summary>Entry point of the STM32 sensor node: the board profile and the shared application, nothing else.</summary>
    public static class Program
    {
        public static void Main()
        {
            NodeApplication.Run(new Stm32F769Board());
        }
    }
}
