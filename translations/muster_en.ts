<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Muster::CorrectionsPanel</name>
    <message numerus="yes">
        <source>Forgotten clock-outs — %n to decide</source>
        <translation>
            <numerusform>Forgotten clock-outs — %n to decide</numerusform>
            <numerusform>Forgotten clock-outs — %n to decide</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Muster::LoginDialog</name>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many failed attempts. Try again in %n minute.</numerusform>
            <numerusform>Too many failed attempts. Try again in %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Muster::MyTimePage</name>
    <message numerus="yes">
        <source>Notices — %n to read and confirm</source>
        <translation>
            <numerusform>Notices — %n to read and confirm</numerusform>
            <numerusform>Notices — %n to read and confirm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation>
            <numerusform>%n s left</numerusform>
            <numerusform>%n s left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Muster::OrganisationsWindow</name>
    <message numerus="yes">
        <source>%1 (%n people)</source>
        <translation>
            <numerusform>%1 (%n person)</numerusform>
            <numerusform>%1 (%n people)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Muster::StatesPage</name>
    <message numerus="yes">
        <source>%n person(s) moved to the default status.</source>
        <translation>
            <numerusform>%n person moved to the default status.</numerusform>
            <numerusform>%n people moved to the default status.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Muster::VolunteersPage</name>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on shift now</source>
        <translation>
            <numerusform>%n on shift now</numerusform>
            <numerusform>%n on shift now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 worked, %2 earned in %n shift(s)</source>
        <translation>
            <numerusform>%1 worked, %2 earned in %n shift</numerusform>
            <numerusform>%1 worked, %2 earned in %n shifts</numerusform>
        </translation>
    </message>
</context>
</TS>
