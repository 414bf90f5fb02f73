// One conversation between an anonymous client and the organisation's consultants: waiting in
// the queue, active with a consultant, then closed (by either side or a timeout) or abandoned
// (the client left before anyone answered).
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace Muster {

struct Chat
{
    enum class Status { Waiting, Active, Closed, Abandoned };

    QUuid id;
    QUuid organisationId; // the server's to know; not on the wire
    Status status = Status::Waiting;
    QString alias; // what the client asked to be called
    QString topic;
    QJsonArray answers; // [{questionId, question, answer}] from the intake form
    QUuid teamId; // routed to a team, or null
    QUuid consultantId;
    QString consultantName; // the chat name the client sees
    QString transferNote; // what the previous consultant left for the next
    bool clientOnline = false; // the client's page is connected now
    qint64 lastSeq = 0; // the newest message
    qint64 clientReadSeq = 0;
    qint64 consultantReadSeq = 0;
    int unread = 0; // the client's messages after consultantReadSeq (staff form only)
    QDateTime createdAt;
    QDateTime acceptedAt;
    QDateTime closedAt;
    QString closedBy; // "client", "consultant", "timeout", "server"
    int position = 0; // in the queue, from 1, while waiting and online; 0 otherwise

    bool isOpen() const { return status == Status::Waiting || status == Status::Active; }

    // The staff's wire form (chat.queue, chat.list, chat.accept, chat.queueChanged, …).
    QJsonObject toJson() const;
    // What the client's own page is told: no ids of staff, no internal notes.
    QJsonObject toClientJson() const;
    static Chat fromJson(const QJsonObject &object);

    static QString statusName(Status status);
    static std::optional<Status> statusFromName(const QString &name);

    friend bool operator==(const Chat &, const Chat &) = default;
};

} // namespace Muster
