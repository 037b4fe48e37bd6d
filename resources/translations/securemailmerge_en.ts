<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CampaignFiles</name>
    <message numerus="yes">
        <source>%Ln unsaved campaigns are kept for the next start.</source>
        <translation>
            <numerusform>%Ln unsaved campaign is kept for the next start.</numerusform>
            <numerusform>%Ln unsaved campaigns are kept for the next start.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoNotContactDialog</name>
    <message numerus="yes">
        <source>%n address(es) saved to {file}.</source>
        <translation>
            <numerusform>%n address saved to {file}.</numerusform>
            <numerusform>%n addresses saved to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) taken off the list.</source>
        <translation>
            <numerusform>%n address taken off the list.</numerusform>
            <numerusform>%n addresses taken off the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new address(es) added from {file}.</source>
        <translation>
            <numerusform>%n new address added from {file}.</numerusform>
            <numerusform>%n new addresses added from {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) without a valid address were skipped.</source>
        <translation>
            <numerusform>%n row without a valid address was skipped.</numerusform>
            <numerusform>%n rows without a valid address were skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) saved to {file}.</source>
        <translation>
            <numerusform>%Ln request saved to {file}.</numerusform>
            <numerusform>%Ln requests saved to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewStep</name>
    <message numerus="yes">
        <source>of %Ln</source>
        <translation>
            <numerusform>of %Ln</numerusform>
            <numerusform>of %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %Ln (row {row})</source>
        <translation>
            <numerusform>of %Ln (row {row})</numerusform>
            <numerusform>of %Ln (row {row})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more; the Recipients step can show only the rows to look at.</source>
        <translation>
            <numerusform>…and %Ln more; the Recipients step can show only the rows to look at.</numerusform>
            <numerusform>…and %Ln more; the Recipients step can show only the rows to look at.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecipientsStep</name>
    <message numerus="yes">
        <source>%Ln left out</source>
        <translation>
            <numerusform>%Ln left out</numerusform>
            <numerusform>%Ln left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ready</source>
        <translation>
            <numerusform>%Ln ready</numerusform>
            <numerusform>%Ln ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendStep</name>
    <message numerus="yes">
        <source>%Ln new bounces found.</source>
        <translation>
            <numerusform>%Ln new bounce found.</numerusform>
            <numerusform>%Ln new bounces found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows are left out (do-not-contact list or unsubscribed).</source>
        <translation>
            <numerusform>%Ln row is left out (do-not-contact list or unsubscribed).</numerusform>
            <numerusform>%Ln rows are left out (do-not-contact list or unsubscribed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled; %Ln unsent drafts deleted.</source>
        <translation>
            <numerusform>Cancelled; %Ln unsent draft deleted.</numerusform>
            <numerusform>Cancelled; %Ln unsent drafts deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Create %Ln drafts, to be sent as {mailbox}?</source>
        <translation>
            <numerusform>Create %Ln draft, to be sent as {mailbox}?</numerusform>
            <numerusform>Create %Ln drafts, to be sent as {mailbox}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Schedule %Ln messages from {mailbox}?</source>
        <translation>
            <numerusform>Schedule %Ln message from {mailbox}?</numerusform>
            <numerusform>Schedule %Ln messages from {mailbox}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send %Ln messages now from {mailbox}?</source>
        <translation>
            <numerusform>Send %Ln message now from {mailbox}?</numerusform>
            <numerusform>Send %Ln messages now from {mailbox}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln rows to {file}.</source>
        <translation>
            <numerusform>Wrote %Ln row to {file}.</numerusform>
            <numerusform>Wrote %Ln rows to {file}.</numerusform>
        </translation>
    </message>
</context>
</TS>
