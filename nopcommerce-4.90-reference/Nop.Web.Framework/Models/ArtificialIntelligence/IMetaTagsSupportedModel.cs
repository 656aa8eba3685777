namespace Nop.Web.Framework.Models.ArtificialIntelligence;

public partial interface IMetaTagsSupportedModel
{
    string MetaKeywords { get; set; }

    string MetaDescription { get; set; }

    string MetaTitle { get; set; }
}
