"""Microsoft 365: the one HTTP factory, the Graph client, sign-in, and what a mailbox holds.

``net`` is the HTTP factory with its host allowlist and network log (``proxy`` routes its requests
through a company's proxy and verifies them with the OS trust store); ``graph`` the careful Graph
client, with its retry rules and retry events in ``retry``; ``auth`` the msal session (with
``redirect``, ``scopes``, ``tokencache``, ``tenant`` and ``tenantlayers`` (which file set what), and
``msalerrors``, the words for msal's errors); ``signin`` chooses between the OS broker
(``broker``), the browser and a code; ``connection`` wires them into one signed-in connection;
``hosts`` lists every host for firewall rules; ``mailbox``, ``contacts``, ``categories`` and
``addressbook`` read address books; ``license`` is the one call to our license server.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from securemailmerge.lazy import exports

if TYPE_CHECKING:
    from securemailmerge.m365.addressbook import (
        MERGE_FIELDS as MERGE_FIELDS,
        AddressChoice as AddressChoice,
        ContactFilter as ContactFilter,
        OpenedAddressBook as OpenedAddressBook,
        iter_open_address_book as iter_open_address_book,
        open_address_book as open_address_book,
        recipient_list as recipient_list,
        select_contacts as select_contacts,
        without_address as without_address,
    )
    from securemailmerge.m365.auth import (
        Account as Account,
        DeviceCodePrompt as DeviceCodePrompt,
        Session as Session,
    )
    from securemailmerge.m365.broker import (
        broker_redirect_uris as broker_redirect_uris,
        broker_usable as broker_usable,
    )
    from securemailmerge.m365.categories import (
        Category as Category,
        CategoryList as CategoryList,
        load_categories as load_categories,
    )
    from securemailmerge.m365.connection import (
        Connection as Connection,
        SignIn as SignIn,
        connect as connect,
        sign_in_silently as sign_in_silently,
    )
    from securemailmerge.m365.contacts import (
        AddressBook as AddressBook,
        AddressBookLoaded as AddressBookLoaded,
        Contact as Contact,
        ContactFolder as ContactFolder,
        FolderLoaded as FolderLoaded,
        iter_address_book as iter_address_book,
        load_address_book as load_address_book,
    )
    from securemailmerge.m365.graph import GraphClient as GraphClient
    from securemailmerge.m365.hosts import (
        ENDPOINTS as ENDPOINTS,
        PORT as PORT,
        Endpoint as Endpoint,
        cloud_name as cloud_name,
        hosts_text as hosts_text,
        markdown_table as markdown_table,
    )
    from securemailmerge.m365.license import (
        COMMERCIAL as COMMERCIAL,
        FREE as FREE,
        LAST_CHECK as LAST_CHECK,
        LastLicenseCheck as LastLicenseCheck,
        LicenseStatus as LicenseStatus,
        check_license as check_license,
    )
    from securemailmerge.m365.mailbox import (
        MailboxRef as MailboxRef,
        MailboxSettings as MailboxSettings,
        Profile as Profile,
        Sender as Sender,
        choose_sender as choose_sender,
        load_mailbox_settings as load_mailbox_settings,
        load_profile as load_profile,
        no_mail_text as no_mail_text,
    )
    from securemailmerge.m365.net import (
        HttpFactory as HttpFactory,
        NetworkLog as NetworkLog,
    )
    from securemailmerge.m365.retry import (
        Failure as Failure,
        RetryEvent as RetryEvent,
        Retrying as Retrying,
        RetryObserver as RetryObserver,
        RetryPolicy as RetryPolicy,
        Throttled as Throttled,
        plan_retry as plan_retry,
    )
    from securemailmerge.m365.scopes import (
        SCOPES as SCOPES,
        scope_reason as scope_reason,
        scope_reasons as scope_reasons,
    )
    from securemailmerge.m365.signin import (
        BROKER as BROKER,
        BROWSER as BROWSER,
        DEVICE_CODE as DEVICE_CODE,
        SignedIn as SignedIn,
        choose_methods as choose_methods,
        method_text as method_text,
        sign_in as sign_in,
    )
    from securemailmerge.m365.tenant import (
        LOOPBACK_HOSTS as LOOPBACK_HOSTS,
        MACHINE as MACHINE,
        USER as USER,
        TenantConfig as TenantConfig,
        TenantSource as TenantSource,
        admin_consent_url as admin_consent_url,
        load_tenant_config as load_tenant_config,
        machine_tenant_path as machine_tenant_path,
        sandbox_tenant as sandbox_tenant,
        user_tenant_path as user_tenant_path,
    )
    from securemailmerge.m365.tenantlayers import (
        BUILT_IN as BUILT_IN,
        EDITABLE as EDITABLE,
        TenantLayers as TenantLayers,
        find_tenant_config as find_tenant_config,
        save_user_tenant as save_user_tenant,
        tenant_layers as tenant_layers,
    )
    from securemailmerge.m365.tokencache import (
        EncryptedTokenCache as EncryptedTokenCache,
        forget_saved_sign_in as forget_saved_sign_in,
        has_saved_sign_in as has_saved_sign_in,
        keychain_unavailable as keychain_unavailable,
        keychain_unavailable_reason as keychain_unavailable_reason,
    )

__getattr__, __all__ = exports(
    __name__,
    {
        "addressbook": (
            "AddressChoice",
            "ContactFilter",
            "MERGE_FIELDS",
            "OpenedAddressBook",
            "iter_open_address_book",
            "open_address_book",
            "recipient_list",
            "select_contacts",
            "without_address",
        ),
        "auth": ("Account", "DeviceCodePrompt", "Session"),
        "broker": ("broker_redirect_uris", "broker_usable"),
        "categories": ("Category", "CategoryList", "load_categories"),
        "connection": ("Connection", "SignIn", "connect", "sign_in_silently"),
        "contacts": (
            "AddressBook",
            "AddressBookLoaded",
            "Contact",
            "ContactFolder",
            "FolderLoaded",
            "iter_address_book",
            "load_address_book",
        ),
        "graph": ("GraphClient",),
        "hosts": ("ENDPOINTS", "Endpoint", "PORT", "cloud_name", "hosts_text", "markdown_table"),
        "license": ("COMMERCIAL", "FREE", "LAST_CHECK", "LastLicenseCheck", "LicenseStatus", "check_license"),
        "mailbox": (
            "MailboxRef",
            "MailboxSettings",
            "Profile",
            "Sender",
            "choose_sender",
            "load_mailbox_settings",
            "load_profile",
            "no_mail_text",
        ),
        "net": ("HttpFactory", "NetworkLog"),
        "retry": (
            "Failure",
            "RetryEvent",
            "RetryObserver",
            "RetryPolicy",
            "Retrying",
            "Throttled",
            "plan_retry",
        ),
        "scopes": ("SCOPES", "scope_reason", "scope_reasons"),
        "signin": (
            "BROKER",
            "BROWSER",
            "DEVICE_CODE",
            "SignedIn",
            "choose_methods",
            "method_text",
            "sign_in",
        ),
        "tenant": (
            "LOOPBACK_HOSTS",
            "MACHINE",
            "USER",
            "TenantConfig",
            "TenantSource",
            "admin_consent_url",
            "load_tenant_config",
            "machine_tenant_path",
            "sandbox_tenant",
            "user_tenant_path",
        ),
        "tenantlayers": (
            "BUILT_IN",
            "EDITABLE",
            "TenantLayers",
            "find_tenant_config",
            "save_user_tenant",
            "tenant_layers",
        ),
        "tokencache": (
            "EncryptedTokenCache",
            "forget_saved_sign_in",
            "has_saved_sign_in",
            "keychain_unavailable",
            "keychain_unavailable_reason",
        ),
    },
)
