namespace Nop.Plugin.Misc.CustomFlows.Localization;

/// <summary>
/// Every UI string of the plugin, in English (installed for every language of the shop) and
/// Polish (installed over English for the shop's Polish languages).
/// </summary>
public static class CustomFlowsLocales
{
    private static string Key(string name) => $"{CustomFlowsDefaults.LocalePrefix}.{name}";

    /// <summary>
    /// English texts by resource name
    /// </summary>
    public static IReadOnlyDictionary<string, string> English { get; } = new Dictionary<string, string>
    {
        [Key("Menu.Flows")] = "Custom flows",
        [Key("Configuration")] = "Custom Flows settings",
        [Key("Configuration.Saved")] = "The Custom Flows settings have been saved.",
        [Key("Configuration.General")] = "General",
        [Key("Fields.Enabled")] = "Flows enabled",
        [Key("Fields.Enabled.Hint")] = "When off, the plugin ignores shop events: no customer enters a flow and nothing is recorded.",
        [Key("Fields.PauseAll")] = "Pause all flows",
        [Key("Fields.PauseAll.Hint")] = "Stops every flow at once. Shop events are still recorded, but no customer moves on and no message is sent until you turn this off.",
        [Key("Fields.RetentionDays")] = "Keep history (days)",
        [Key("Fields.RetentionDays.Hint")] = "Finished runs, action logs and processed events older than this are deleted by the daily housekeeping. Statistics are kept.",
        [Key("Fields.RetentionDays.Range")] = "Enter a number of days from 1 to 3650.",
        [Key("Fields.DateTriggerHour")] = "Hour of date triggers",
        [Key("Fields.DateTriggerHour.Hint")] = "Local hour (0-23, store time zone) at which birthday and other date flows start each day.",
        [Key("Fields.DateTriggerHour.Range")] = "Enter an hour from 0 to 23.",
        [Key("Fields.UseClusteredScheduler")] = "Web farm (shared scheduler)",
        [Key("Fields.UseClusteredScheduler.Hint")] = "Turn on when the shop runs on several servers: the scheduler then keeps its state in a database shared by all of them, so each job runs on one server at a time and moves to another when one stops. Needs an application restart.",
        [Key("Fields.SchedulerDatabase")] = "Scheduler database",
        [Key("Fields.SchedulerDatabase.Hint")] = "The kind of database that holds the shared scheduler state (usually the shop's own).",
        [Key("Fields.SchedulerConnectionString")] = "Scheduler connection string",
        [Key("Fields.SchedulerConnectionString.Hint")] = "Connection string of the database that holds the shared scheduler state; usually the shop's own connection string.",
        [Key("Fields.SchedulerConnectionString.Required")] = "A web farm needs the connection string of the shared scheduler database.",
        [Key("Flows")] = "Custom flows",
        [Key("Flows.Empty")] = "There are no flows yet.",
        [Key("Flows.Fields.Name")] = "Name",
        [Key("Flows.Fields.Status")] = "Status",
        [Key("Flows.Fields.Version")] = "Published version",
        [Key("Flows.Fields.Priority")] = "Priority",
        [Key("Flows.Fields.UpdatedOn")] = "Last change",
        [Key("Flows.NotPublished")] = "not published",
        [Key("Flows.Status.Draft")] = "Draft",
        [Key("Flows.Status.Active")] = "Active",
        [Key("Flows.Status.Paused")] = "Paused",
        [Key("Flows.Status.Archived")] = "Archived",
        [Key("Flows.PausedGlobally")] = "All flows are paused in the plugin settings: no customer moves on until the switch is turned off.",
        [Key("Flows.Disabled")] = "Custom Flows is switched off in the plugin settings: shop events are ignored.",
        [Key("Popup.Close")] = "Close",
        [Key("CustomerBlock.Title")] = "Custom flows",
        [Key("CustomerBlock.Tags")] = "Tags",
        [Key("CustomerBlock.Score")] = "Score",
        [Key("CustomerBlock.FunnelStage")] = "Funnel stage",
        [Key("CustomerBlock.ActiveRuns")] = "Flows in progress",
        [Key("CustomerBlock.None")] = "none",
        [Key("Fields.UnfinishedActionRetryMinutes")] = "Retry unfinished actions after (minutes)",
        [Key("Fields.UnfinishedActionRetryMinutes.Hint")] = "An action that was started but never recorded as done (for example the shop restarted in between) is checked again after this many minutes: if its e-mail, pop-up or coupon exists it is not repeated, otherwise it is performed.",
        [Key("Fields.WebhookSecret")] = "Webhook secret",
        [Key("Fields.WebhookSecret.Hint")] = "Every webhook body is signed with this secret (HMAC-SHA256, header X-CustomFlows-Signature), so the receiver can check the call comes from your shop.",
        [Key("Fields.WebhookAllowPrivateAddresses")] = "Allow webhooks to internal addresses",
        [Key("Fields.WebhookAllowPrivateAddresses.Hint")] = "Off by default: webhooks to loopback, private and link-local addresses (localhost, 10.x, 192.168.x, ...) are refused so flows cannot reach your internal network. Turn on only if the receiver really runs there.",
        [Key("Fields.WebhookTimeoutSeconds")] = "Webhook timeout (seconds)",
        [Key("Fields.WebhookTimeoutSeconds.Hint")] = "How long one webhook call may take before it counts as failed.",
        [Key("Fields.WebhookMaxAttempts")] = "Webhook attempts",
        [Key("Fields.WebhookMaxAttempts.Hint")] = "How many times a webhook is tried when the receiver answers with a server error or does not answer.",
        [Key("Fields.WebhookRetryDelaySeconds")] = "First webhook retry after (seconds)",
        [Key("Fields.WebhookRetryDelaySeconds.Hint")] = "Wait before the second attempt; every further wait is twice as long.",
        [Key("Fields.CouponNamePrefix")] = "Personal coupon name",
        [Key("Fields.CouponNamePrefix.Hint")] = "Start of the name of the discounts that personal coupons create, so you can find them under Promotions > Discounts.",
        [Key("Fields.StaffAlertEmail")] = "Staff alert address",
        [Key("Fields.StaffAlertEmail.Hint")] = "Where staff alerts go when the flow step names no address. Empty: the address of the shop's default e-mail account.",
        [Key("Fields.LinkSigningKey")] = "Link signing key",
        [Key("Fields.LinkSigningKey.Hint")] = "Secret that signs the unsubscribe, open and click links in flow e-mails. Created automatically; changing it makes links in e-mails already sent stop working.",
        [Key("Fields.RecommendedProductsCount")] = "Recommended products in e-mails",
        [Key("Fields.RecommendedProductsCount.Hint")] = "How many products the %CustomFlows.RecommendedProducts% token lists.",
        [Key("StaffAlert.Subject")] = "Custom flow alert: {0}",
        [Key("StaffAlert.Customer")] = "Customer",
        [Key("StaffAlert.Store")] = "Store",
        [Key("StaffAlert.Flow")] = "Flow",
        [Key("StaffAlert.Step")] = "step",
    };

    /// <summary>
    /// Polish texts by resource name
    /// </summary>
    public static IReadOnlyDictionary<string, string> Polish { get; } = new Dictionary<string, string>
    {
        [Key("Menu.Flows")] = "Scenariusze automatyzacji",
        [Key("Configuration")] = "Ustawienia Custom Flows",
        [Key("Configuration.Saved")] = "Ustawienia Custom Flows zostały zapisane.",
        [Key("Configuration.General")] = "Ogólne",
        [Key("Fields.Enabled")] = "Scenariusze włączone",
        [Key("Fields.Enabled.Hint")] = "Po wyłączeniu wtyczka pomija zdarzenia sklepu: żaden klient nie wchodzi do scenariusza i nic nie jest zapisywane.",
        [Key("Fields.PauseAll")] = "Wstrzymaj wszystkie scenariusze",
        [Key("Fields.PauseAll.Hint")] = "Zatrzymuje od razu wszystkie scenariusze. Zdarzenia sklepu są nadal zapisywane, ale żaden klient nie przechodzi dalej i żadna wiadomość nie jest wysyłana, dopóki tego nie wyłączysz.",
        [Key("Fields.RetentionDays")] = "Przechowuj historię (dni)",
        [Key("Fields.RetentionDays.Hint")] = "Zakończone przebiegi, dziennik akcji i przetworzone zdarzenia starsze niż ta liczba dni są usuwane podczas codziennego porządkowania. Statystyki zostają.",
        [Key("Fields.RetentionDays.Range")] = "Podaj liczbę dni od 1 do 3650.",
        [Key("Fields.DateTriggerHour")] = "Godzina wyzwalaczy dat",
        [Key("Fields.DateTriggerHour.Hint")] = "Lokalna godzina (0-23, strefa czasowa sklepu), o której codziennie startują scenariusze urodzinowe i inne oparte na datach.",
        [Key("Fields.DateTriggerHour.Range")] = "Podaj godzinę od 0 do 23.",
        [Key("Fields.UseClusteredScheduler")] = "Farma serwerów (wspólny harmonogram)",
        [Key("Fields.UseClusteredScheduler.Hint")] = "Włącz, gdy sklep działa na kilku serwerach: harmonogram trzyma wtedy swój stan we wspólnej bazie danych, więc każde zadanie wykonuje się naraz tylko na jednym serwerze i przechodzi na inny, gdy któryś się zatrzyma. Wymaga ponownego uruchomienia aplikacji.",
        [Key("Fields.SchedulerDatabase")] = "Baza danych harmonogramu",
        [Key("Fields.SchedulerDatabase.Hint")] = "Rodzaj bazy danych, w której jest wspólny stan harmonogramu (zwykle baza sklepu).",
        [Key("Fields.SchedulerConnectionString")] = "Connection string harmonogramu",
        [Key("Fields.SchedulerConnectionString.Hint")] = "Connection string bazy danych ze wspólnym stanem harmonogramu; zwykle ten sam co sklepu.",
        [Key("Fields.SchedulerConnectionString.Required")] = "Farma serwerów wymaga podania connection stringa wspólnej bazy harmonogramu.",
        [Key("Flows")] = "Scenariusze automatyzacji",
        [Key("Flows.Empty")] = "Nie ma jeszcze żadnego scenariusza.",
        [Key("Flows.Fields.Name")] = "Nazwa",
        [Key("Flows.Fields.Status")] = "Status",
        [Key("Flows.Fields.Version")] = "Opublikowana wersja",
        [Key("Flows.Fields.Priority")] = "Priorytet",
        [Key("Flows.Fields.UpdatedOn")] = "Ostatnia zmiana",
        [Key("Flows.NotPublished")] = "nieopublikowany",
        [Key("Flows.Status.Draft")] = "Szkic",
        [Key("Flows.Status.Active")] = "Aktywny",
        [Key("Flows.Status.Paused")] = "Wstrzymany",
        [Key("Flows.Status.Archived")] = "Zarchiwizowany",
        [Key("Flows.PausedGlobally")] = "Wszystkie scenariusze są wstrzymane w ustawieniach wtyczki: żaden klient nie przejdzie dalej, dopóki przełącznik nie zostanie wyłączony.",
        [Key("Flows.Disabled")] = "Custom Flows jest wyłączony w ustawieniach wtyczki: zdarzenia sklepu są pomijane.",
        [Key("Popup.Close")] = "Zamknij",
        [Key("CustomerBlock.Title")] = "Scenariusze automatyzacji",
        [Key("CustomerBlock.Tags")] = "Tagi",
        [Key("CustomerBlock.Score")] = "Punkty",
        [Key("CustomerBlock.FunnelStage")] = "Etap lejka",
        [Key("CustomerBlock.ActiveRuns")] = "Trwające scenariusze",
        [Key("CustomerBlock.None")] = "brak",
        [Key("Fields.UnfinishedActionRetryMinutes")] = "Ponów niedokończone akcje po (minutach)",
        [Key("Fields.UnfinishedActionRetryMinutes.Hint")] = "Akcja rozpoczęta, ale niezapisana jako wykonana (np. sklep został w międzyczasie zrestartowany), jest sprawdzana ponownie po tylu minutach: jeśli jej e-mail, pop-up lub kupon istnieje, nie jest powtarzana, w przeciwnym razie zostaje wykonana.",
        [Key("Fields.WebhookSecret")] = "Sekret webhooków",
        [Key("Fields.WebhookSecret.Hint")] = "Treść każdego webhooka jest podpisywana tym sekretem (HMAC-SHA256, nagłówek X-CustomFlows-Signature), aby odbiorca mógł sprawdzić, że wywołanie pochodzi z Twojego sklepu.",
        [Key("Fields.WebhookAllowPrivateAddresses")] = "Zezwól na webhooki do adresów wewnętrznych",
        [Key("Fields.WebhookAllowPrivateAddresses.Hint")] = "Domyślnie wyłączone: webhooki do adresów pętli zwrotnej, prywatnych i lokalnych łącza (localhost, 10.x, 192.168.x, ...) są odrzucane, aby scenariusze nie mogły sięgać do Twojej sieci wewnętrznej. Włącz tylko wtedy, gdy odbiorca naprawdę tam działa.",
        [Key("Fields.WebhookTimeoutSeconds")] = "Limit czasu webhooka (sekundy)",
        [Key("Fields.WebhookTimeoutSeconds.Hint")] = "Jak długo może trwać jedno wywołanie webhooka, zanim zostanie uznane za nieudane.",
        [Key("Fields.WebhookMaxAttempts")] = "Liczba prób webhooka",
        [Key("Fields.WebhookMaxAttempts.Hint")] = "Ile razy webhook jest ponawiany, gdy odbiorca odpowiada błędem serwera lub nie odpowiada.",
        [Key("Fields.WebhookRetryDelaySeconds")] = "Pierwsze ponowienie webhooka po (sekundach)",
        [Key("Fields.WebhookRetryDelaySeconds.Hint")] = "Odstęp przed drugą próbą; każdy kolejny odstęp jest dwa razy dłuższy.",
        [Key("Fields.CouponNamePrefix")] = "Nazwa kuponu osobistego",
        [Key("Fields.CouponNamePrefix.Hint")] = "Początek nazwy rabatów tworzonych przez kupony osobiste, aby łatwo je znaleźć w Promocje > Rabaty.",
        [Key("Fields.StaffAlertEmail")] = "Adres powiadomień dla personelu",
        [Key("Fields.StaffAlertEmail.Hint")] = "Dokąd trafiają powiadomienia dla personelu, gdy krok scenariusza nie podaje adresu. Puste: adres domyślnego konta e-mail sklepu.",
        [Key("Fields.LinkSigningKey")] = "Klucz podpisu linków",
        [Key("Fields.LinkSigningKey.Hint")] = "Sekret podpisujący linki wypisania, otwarcia i kliknięcia w e-mailach scenariuszy. Tworzony automatycznie; jego zmiana unieważnia linki w już wysłanych e-mailach.",
        [Key("Fields.RecommendedProductsCount")] = "Polecane produkty w e-mailach",
        [Key("Fields.RecommendedProductsCount.Hint")] = "Ile produktów wymienia znacznik %CustomFlows.RecommendedProducts%.",
        [Key("StaffAlert.Subject")] = "Powiadomienie scenariusza: {0}",
        [Key("StaffAlert.Customer")] = "Klient",
        [Key("StaffAlert.Store")] = "Sklep",
        [Key("StaffAlert.Flow")] = "Scenariusz",
        [Key("StaffAlert.Step")] = "krok",
    };

    /// <summary>
    /// Whether a shop language gets the Polish texts
    /// </summary>
    /// <param name="languageCulture">Culture of the shop language, e.g. pl-PL</param>
    public static bool IsPolish(string languageCulture) =>
        !string.IsNullOrEmpty(languageCulture)
        && (languageCulture.Equals("pl", StringComparison.OrdinalIgnoreCase)
            || languageCulture.StartsWith("pl-", StringComparison.OrdinalIgnoreCase));
}
