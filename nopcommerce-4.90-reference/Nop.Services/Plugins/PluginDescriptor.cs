namespace Nop.Services.Plugins;

public partial class PluginDescriptor : PluginDescriptorBaseInfo, IDescriptor, IComparable<PluginDescriptor>
{
    public PluginDescriptor()
    {
    }

    public static PluginDescriptor GetPluginDescriptorFromText(string text) => throw null!;

    public int CompareTo(PluginDescriptor other) => throw null!;

    public virtual string FriendlyName { get; set; }
}
