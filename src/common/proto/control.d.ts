import * as $protobuf from "protobufjs/minimal.js";
import type Long from "long";

/** Namespace etransfer. */
export namespace etransfer {

    /**
     * Properties of an Envelope.
     * @deprecated Use etransfer.Envelope.$Properties instead.
     */
    interface IEnvelope extends etransfer.Envelope.$Properties {
    }

    /** Represents an Envelope. */
    class Envelope {

        /**
         * Constructs a new Envelope.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.Envelope.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Envelope id. */
        id: number;

        /** Envelope serverHello. */
        serverHello?: (etransfer.ServerHello.$Properties|null);

        /** Envelope error. */
        error?: (etransfer.ErrorReply.$Properties|null);

        /** Envelope statRequest. */
        statRequest?: (etransfer.StatRequest.$Properties|null);

        /** Envelope statReply. */
        statReply?: (etransfer.StatReply.$Properties|null);

        /** Envelope listRequest. */
        listRequest?: (etransfer.ListRequest.$Properties|null);

        /** Envelope listReply. */
        listReply?: (etransfer.ListReply.$Properties|null);

        /** Envelope prepareReceive. */
        prepareReceive?: (etransfer.PrepareReceive.$Properties|null);

        /** Envelope receiveReady. */
        receiveReady?: (etransfer.ReceiveReady.$Properties|null);

        /** Envelope prepareSend. */
        prepareSend?: (etransfer.PrepareSend.$Properties|null);

        /** Envelope sendReady. */
        sendReady?: (etransfer.SendReady.$Properties|null);

        /** Envelope connectData. */
        connectData?: (etransfer.ConnectData.$Properties|null);

        /** Envelope ack. */
        ack?: (etransfer.Ack.$Properties|null);

        /** Envelope event. */
        event?: (etransfer.TransferEvent.$Properties|null);

        /** Envelope cancel. */
        cancel?: (etransfer.CancelTransfer.$Properties|null);

        /** Envelope authenticate. */
        authenticate?: (etransfer.Authenticate.$Properties|null);

        /** Envelope expandRequest. */
        expandRequest?: (etransfer.ExpandRequest.$Properties|null);

        /** Envelope expandReply. */
        expandReply?: (etransfer.ExpandReply.$Properties|null);

        /** Envelope statusRequest. */
        statusRequest?: (etransfer.StatusRequest.$Properties|null);

        /** Envelope statusReply. */
        statusReply?: (etransfer.StatusReply.$Properties|null);

        /** Envelope prepareRelay. */
        prepareRelay?: (etransfer.PrepareRelay.$Properties|null);

        /** Envelope relayReady. */
        relayReady?: (etransfer.RelayReady.$Properties|null);

        /** Envelope body. */
        body?: ("serverHello"|"error"|"statRequest"|"statReply"|"listRequest"|"listReply"|"prepareReceive"|"receiveReady"|"prepareSend"|"sendReady"|"connectData"|"ack"|"event"|"cancel"|"authenticate"|"expandRequest"|"expandReply"|"statusRequest"|"statusReply"|"prepareRelay"|"relayReady");

        /**
         * Creates a new Envelope instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Envelope instance
         */
        static create(properties: etransfer.Envelope.$Shape): etransfer.Envelope & etransfer.Envelope.$Shape;
        static create(properties?: etransfer.Envelope.$Properties): etransfer.Envelope;

        /**
         * Encodes the specified Envelope message. Does not implicitly {@link etransfer.Envelope.verify|verify} messages.
         * @param message Envelope message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Envelope message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.Envelope & etransfer.Envelope.$Shape} Envelope
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.Envelope & etransfer.Envelope.$Shape;
    }

    namespace Envelope {

        /** Properties of an Envelope. */
        interface $Properties {

            /** Envelope id */
            id?: (number|null);

            /** Envelope serverHello */
            serverHello?: (etransfer.ServerHello.$Properties|null);

            /** Envelope error */
            error?: (etransfer.ErrorReply.$Properties|null);

            /** Envelope statRequest */
            statRequest?: (etransfer.StatRequest.$Properties|null);

            /** Envelope statReply */
            statReply?: (etransfer.StatReply.$Properties|null);

            /** Envelope listRequest */
            listRequest?: (etransfer.ListRequest.$Properties|null);

            /** Envelope listReply */
            listReply?: (etransfer.ListReply.$Properties|null);

            /** Envelope prepareReceive */
            prepareReceive?: (etransfer.PrepareReceive.$Properties|null);

            /** Envelope receiveReady */
            receiveReady?: (etransfer.ReceiveReady.$Properties|null);

            /** Envelope prepareSend */
            prepareSend?: (etransfer.PrepareSend.$Properties|null);

            /** Envelope sendReady */
            sendReady?: (etransfer.SendReady.$Properties|null);

            /** Envelope connectData */
            connectData?: (etransfer.ConnectData.$Properties|null);

            /** Envelope ack */
            ack?: (etransfer.Ack.$Properties|null);

            /** Envelope event */
            event?: (etransfer.TransferEvent.$Properties|null);

            /** Envelope cancel */
            cancel?: (etransfer.CancelTransfer.$Properties|null);

            /** Envelope authenticate */
            authenticate?: (etransfer.Authenticate.$Properties|null);

            /** Envelope expandRequest */
            expandRequest?: (etransfer.ExpandRequest.$Properties|null);

            /** Envelope expandReply */
            expandReply?: (etransfer.ExpandReply.$Properties|null);

            /** Envelope statusRequest */
            statusRequest?: (etransfer.StatusRequest.$Properties|null);

            /** Envelope statusReply */
            statusReply?: (etransfer.StatusReply.$Properties|null);

            /** Envelope prepareRelay */
            prepareRelay?: (etransfer.PrepareRelay.$Properties|null);

            /** Envelope relayReady */
            relayReady?: (etransfer.RelayReady.$Properties|null);

            /** Envelope body */
            body?: ("serverHello"|"error"|"statRequest"|"statReply"|"listRequest"|"listReply"|"prepareReceive"|"receiveReady"|"prepareSend"|"sendReady"|"connectData"|"ack"|"event"|"cancel"|"authenticate"|"expandRequest"|"expandReply"|"statusRequest"|"statusReply"|"prepareRelay"|"relayReady");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of an Envelope. */
        type $Shape = {
          id?: number|null;
          serverHello?: etransfer.ServerHello.$Shape|null;
          error?: etransfer.ErrorReply.$Shape|null;
          statRequest?: etransfer.StatRequest.$Shape|null;
          statReply?: etransfer.StatReply.$Shape|null;
          listRequest?: etransfer.ListRequest.$Shape|null;
          listReply?: etransfer.ListReply.$Shape|null;
          prepareReceive?: etransfer.PrepareReceive.$Shape|null;
          receiveReady?: etransfer.ReceiveReady.$Shape|null;
          prepareSend?: etransfer.PrepareSend.$Shape|null;
          sendReady?: etransfer.SendReady.$Shape|null;
          connectData?: etransfer.ConnectData.$Shape|null;
          ack?: etransfer.Ack.$Shape|null;
          event?: etransfer.TransferEvent.$Shape|null;
          cancel?: etransfer.CancelTransfer.$Shape|null;
          authenticate?: etransfer.Authenticate.$Shape|null;
          expandRequest?: etransfer.ExpandRequest.$Shape|null;
          expandReply?: etransfer.ExpandReply.$Shape|null;
          statusRequest?: etransfer.StatusRequest.$Shape|null;
          statusReply?: etransfer.StatusReply.$Shape|null;
          prepareRelay?: etransfer.PrepareRelay.$Shape|null;
          relayReady?: etransfer.RelayReady.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ body?: undefined; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "serverHello"; serverHello: etransfer.ServerHello.$Shape; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "error"; serverHello?: null; error: etransfer.ErrorReply.$Shape; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "statRequest"; serverHello?: null; error?: null; statRequest: etransfer.StatRequest.$Shape; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "statReply"; serverHello?: null; error?: null; statRequest?: null; statReply: etransfer.StatReply.$Shape; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "listRequest"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest: etransfer.ListRequest.$Shape; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "listReply"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply: etransfer.ListReply.$Shape; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "prepareReceive"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive: etransfer.PrepareReceive.$Shape; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "receiveReady"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady: etransfer.ReceiveReady.$Shape; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "prepareSend"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend: etransfer.PrepareSend.$Shape; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "sendReady"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady: etransfer.SendReady.$Shape; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "connectData"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData: etransfer.ConnectData.$Shape; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "ack"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack: etransfer.Ack.$Shape; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "event"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event: etransfer.TransferEvent.$Shape; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "cancel"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel: etransfer.CancelTransfer.$Shape; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "authenticate"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate: etransfer.Authenticate.$Shape; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "expandRequest"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest: etransfer.ExpandRequest.$Shape; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "expandReply"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply: etransfer.ExpandReply.$Shape; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "statusRequest"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest: etransfer.StatusRequest.$Shape; statusReply?: null; prepareRelay?: null; relayReady?: null }|{ body?: "statusReply"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply: etransfer.StatusReply.$Shape; prepareRelay?: null; relayReady?: null }|{ body?: "prepareRelay"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay: etransfer.PrepareRelay.$Shape; relayReady?: null }|{ body?: "relayReady"; serverHello?: null; error?: null; statRequest?: null; statReply?: null; listRequest?: null; listReply?: null; prepareReceive?: null; receiveReady?: null; prepareSend?: null; sendReady?: null; connectData?: null; ack?: null; event?: null; cancel?: null; authenticate?: null; expandRequest?: null; expandReply?: null; statusRequest?: null; statusReply?: null; prepareRelay?: null; relayReady: etransfer.RelayReady.$Shape })
        );
    }

    /**
     * Properties of a ServerHello.
     * @deprecated Use etransfer.ServerHello.$Properties instead.
     */
    interface IServerHello extends etransfer.ServerHello.$Properties {
    }

    /** Represents a ServerHello. */
    class ServerHello {

        /**
         * Constructs a new ServerHello.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.ServerHello.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ServerHello protocolVersion. */
        protocolVersion: number;

        /** ServerHello serverVersion. */
        serverVersion: string;

        /** ServerHello nonce. */
        nonce: Uint8Array;

        /** ServerHello dataAddresses. */
        dataAddresses: string[];

        /** ServerHello maxStreams. */
        maxStreams: number;

        /** ServerHello chunkSizeBytes. */
        chunkSizeBytes: number;

        /**
         * Creates a new ServerHello instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ServerHello instance
         */
        static create(properties: etransfer.ServerHello.$Shape): etransfer.ServerHello & etransfer.ServerHello.$Shape;
        static create(properties?: etransfer.ServerHello.$Properties): etransfer.ServerHello;

        /**
         * Encodes the specified ServerHello message. Does not implicitly {@link etransfer.ServerHello.verify|verify} messages.
         * @param message ServerHello message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.ServerHello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ServerHello message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.ServerHello & etransfer.ServerHello.$Shape} ServerHello
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.ServerHello & etransfer.ServerHello.$Shape;
    }

    namespace ServerHello {

        /** Properties of a ServerHello. */
        interface $Properties {

            /** ServerHello protocolVersion */
            protocolVersion?: (number|null);

            /** ServerHello serverVersion */
            serverVersion?: (string|null);

            /** ServerHello nonce */
            nonce?: (Uint8Array|null);

            /** ServerHello dataAddresses */
            dataAddresses?: (string[]|null);

            /** ServerHello maxStreams */
            maxStreams?: (number|null);

            /** ServerHello chunkSizeBytes */
            chunkSizeBytes?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ServerHello. */
        type $Shape = etransfer.ServerHello.$Properties;
    }

    /**
     * Properties of an ErrorReply.
     * @deprecated Use etransfer.ErrorReply.$Properties instead.
     */
    interface IErrorReply extends etransfer.ErrorReply.$Properties {
    }

    /** Represents an ErrorReply. */
    class ErrorReply {

        /**
         * Constructs a new ErrorReply.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.ErrorReply.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ErrorReply code. */
        code: string;

        /** ErrorReply message. */
        message: string;

        /**
         * Creates a new ErrorReply instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ErrorReply instance
         */
        static create(properties: etransfer.ErrorReply.$Shape): etransfer.ErrorReply & etransfer.ErrorReply.$Shape;
        static create(properties?: etransfer.ErrorReply.$Properties): etransfer.ErrorReply;

        /**
         * Encodes the specified ErrorReply message. Does not implicitly {@link etransfer.ErrorReply.verify|verify} messages.
         * @param message ErrorReply message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.ErrorReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an ErrorReply message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.ErrorReply & etransfer.ErrorReply.$Shape} ErrorReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.ErrorReply & etransfer.ErrorReply.$Shape;
    }

    namespace ErrorReply {

        /** Properties of an ErrorReply. */
        interface $Properties {

            /** ErrorReply code */
            code?: (string|null);

            /** ErrorReply message */
            message?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an ErrorReply. */
        type $Shape = etransfer.ErrorReply.$Properties;
    }

    /**
     * Properties of a Status.
     * @deprecated Use etransfer.Status.$Properties instead.
     */
    interface IStatus extends etransfer.Status.$Properties {
    }

    /** Represents a Status. */
    class Status {

        /**
         * Constructs a new Status.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.Status.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Status code. */
        code: string;

        /** Status message. */
        message: string;

        /**
         * Creates a new Status instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Status instance
         */
        static create(properties: etransfer.Status.$Shape): etransfer.Status & etransfer.Status.$Shape;
        static create(properties?: etransfer.Status.$Properties): etransfer.Status;

        /**
         * Encodes the specified Status message. Does not implicitly {@link etransfer.Status.verify|verify} messages.
         * @param message Status message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.Status.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Status message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.Status & etransfer.Status.$Shape} Status
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.Status & etransfer.Status.$Shape;
    }

    namespace Status {

        /** Properties of a Status. */
        interface $Properties {

            /** Status code */
            code?: (string|null);

            /** Status message */
            message?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Status. */
        type $Shape = etransfer.Status.$Properties;
    }

    /** FileType enum. */
    enum FileType {

        /** FILE_TYPE_UNKNOWN value */
        FILE_TYPE_UNKNOWN = 0,

        /** FILE_TYPE_FILE value */
        FILE_TYPE_FILE = 1,

        /** FILE_TYPE_DIRECTORY value */
        FILE_TYPE_DIRECTORY = 2,

        /** FILE_TYPE_SYMLINK value */
        FILE_TYPE_SYMLINK = 3,

        /** FILE_TYPE_OTHER value */
        FILE_TYPE_OTHER = 4,

        /** FILE_TYPE_MISSING value */
        FILE_TYPE_MISSING = 5
    }

    /**
     * Properties of a FileInfo.
     * @deprecated Use etransfer.FileInfo.$Properties instead.
     */
    interface IFileInfo extends etransfer.FileInfo.$Properties {
    }

    /** Represents a FileInfo. */
    class FileInfo {

        /**
         * Constructs a new FileInfo.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.FileInfo.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FileInfo name. */
        name: string;

        /** FileInfo type. */
        type: etransfer.FileType;

        /** FileInfo size. */
        size: (number|Long);

        /** FileInfo mtimeMs. */
        mtimeMs: (number|Long);

        /** FileInfo mode. */
        mode: number;

        /**
         * Creates a new FileInfo instance using the specified properties.
         * @param [properties] Properties to set
         * @returns FileInfo instance
         */
        static create(properties: etransfer.FileInfo.$Shape): etransfer.FileInfo & etransfer.FileInfo.$Shape;
        static create(properties?: etransfer.FileInfo.$Properties): etransfer.FileInfo;

        /**
         * Encodes the specified FileInfo message. Does not implicitly {@link etransfer.FileInfo.verify|verify} messages.
         * @param message FileInfo message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.FileInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a FileInfo message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.FileInfo & etransfer.FileInfo.$Shape} FileInfo
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.FileInfo & etransfer.FileInfo.$Shape;
    }

    namespace FileInfo {

        /** Properties of a FileInfo. */
        interface $Properties {

            /** FileInfo name */
            name?: (string|null);

            /** FileInfo type */
            type?: (etransfer.FileType|null);

            /** FileInfo size */
            size?: (number|Long|null);

            /** FileInfo mtimeMs */
            mtimeMs?: (number|Long|null);

            /** FileInfo mode */
            mode?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FileInfo. */
        type $Shape = etransfer.FileInfo.$Properties;
    }

    /**
     * Properties of a StatRequest.
     * @deprecated Use etransfer.StatRequest.$Properties instead.
     */
    interface IStatRequest extends etransfer.StatRequest.$Properties {
    }

    /** Represents a StatRequest. */
    class StatRequest {

        /**
         * Constructs a new StatRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.StatRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** StatRequest paths. */
        paths: string[];

        /** StatRequest right. */
        right: string;

        /**
         * Creates a new StatRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StatRequest instance
         */
        static create(properties: etransfer.StatRequest.$Shape): etransfer.StatRequest & etransfer.StatRequest.$Shape;
        static create(properties?: etransfer.StatRequest.$Properties): etransfer.StatRequest;

        /**
         * Encodes the specified StatRequest message. Does not implicitly {@link etransfer.StatRequest.verify|verify} messages.
         * @param message StatRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.StatRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StatRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.StatRequest & etransfer.StatRequest.$Shape} StatRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.StatRequest & etransfer.StatRequest.$Shape;
    }

    namespace StatRequest {

        /** Properties of a StatRequest. */
        interface $Properties {

            /** StatRequest paths */
            paths?: (string[]|null);

            /** StatRequest right */
            right?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a StatRequest. */
        type $Shape = etransfer.StatRequest.$Properties;
    }

    /**
     * Properties of a StatEntry.
     * @deprecated Use etransfer.StatEntry.$Properties instead.
     */
    interface IStatEntry extends etransfer.StatEntry.$Properties {
    }

    /** Represents a StatEntry. */
    class StatEntry {

        /**
         * Constructs a new StatEntry.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.StatEntry.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** StatEntry path. */
        path: string;

        /** StatEntry status. */
        status?: (etransfer.Status.$Properties|null);

        /** StatEntry info. */
        info?: (etransfer.FileInfo.$Properties|null);

        /**
         * Creates a new StatEntry instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StatEntry instance
         */
        static create(properties: etransfer.StatEntry.$Shape): etransfer.StatEntry & etransfer.StatEntry.$Shape;
        static create(properties?: etransfer.StatEntry.$Properties): etransfer.StatEntry;

        /**
         * Encodes the specified StatEntry message. Does not implicitly {@link etransfer.StatEntry.verify|verify} messages.
         * @param message StatEntry message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.StatEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StatEntry message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.StatEntry & etransfer.StatEntry.$Shape} StatEntry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.StatEntry & etransfer.StatEntry.$Shape;
    }

    namespace StatEntry {

        /** Properties of a StatEntry. */
        interface $Properties {

            /** StatEntry path */
            path?: (string|null);

            /** StatEntry status */
            status?: (etransfer.Status.$Properties|null);

            /** StatEntry info */
            info?: (etransfer.FileInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a StatEntry. */
        type $Shape = etransfer.StatEntry.$Properties;
    }

    /**
     * Properties of a StatReply.
     * @deprecated Use etransfer.StatReply.$Properties instead.
     */
    interface IStatReply extends etransfer.StatReply.$Properties {
    }

    /** Represents a StatReply. */
    class StatReply {

        /**
         * Constructs a new StatReply.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.StatReply.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** StatReply entries. */
        entries: etransfer.StatEntry.$Properties[];

        /**
         * Creates a new StatReply instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StatReply instance
         */
        static create(properties: etransfer.StatReply.$Shape): etransfer.StatReply & etransfer.StatReply.$Shape;
        static create(properties?: etransfer.StatReply.$Properties): etransfer.StatReply;

        /**
         * Encodes the specified StatReply message. Does not implicitly {@link etransfer.StatReply.verify|verify} messages.
         * @param message StatReply message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.StatReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StatReply message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.StatReply & etransfer.StatReply.$Shape} StatReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.StatReply & etransfer.StatReply.$Shape;
    }

    namespace StatReply {

        /** Properties of a StatReply. */
        interface $Properties {

            /** StatReply entries */
            entries?: (etransfer.StatEntry.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a StatReply. */
        type $Shape = etransfer.StatReply.$Properties;
    }

    /**
     * Properties of a ListRequest.
     * @deprecated Use etransfer.ListRequest.$Properties instead.
     */
    interface IListRequest extends etransfer.ListRequest.$Properties {
    }

    /** Represents a ListRequest. */
    class ListRequest {

        /**
         * Constructs a new ListRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.ListRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ListRequest path. */
        path: string;

        /**
         * Creates a new ListRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ListRequest instance
         */
        static create(properties: etransfer.ListRequest.$Shape): etransfer.ListRequest & etransfer.ListRequest.$Shape;
        static create(properties?: etransfer.ListRequest.$Properties): etransfer.ListRequest;

        /**
         * Encodes the specified ListRequest message. Does not implicitly {@link etransfer.ListRequest.verify|verify} messages.
         * @param message ListRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.ListRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.ListRequest & etransfer.ListRequest.$Shape} ListRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.ListRequest & etransfer.ListRequest.$Shape;
    }

    namespace ListRequest {

        /** Properties of a ListRequest. */
        interface $Properties {

            /** ListRequest path */
            path?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListRequest. */
        type $Shape = etransfer.ListRequest.$Properties;
    }

    /**
     * Properties of a ListReply.
     * @deprecated Use etransfer.ListReply.$Properties instead.
     */
    interface IListReply extends etransfer.ListReply.$Properties {
    }

    /** Represents a ListReply. */
    class ListReply {

        /**
         * Constructs a new ListReply.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.ListReply.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ListReply self. */
        self?: (etransfer.FileInfo.$Properties|null);

        /** ListReply entries. */
        entries: etransfer.FileInfo.$Properties[];

        /** ListReply truncated. */
        truncated: boolean;

        /**
         * Creates a new ListReply instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ListReply instance
         */
        static create(properties: etransfer.ListReply.$Shape): etransfer.ListReply & etransfer.ListReply.$Shape;
        static create(properties?: etransfer.ListReply.$Properties): etransfer.ListReply;

        /**
         * Encodes the specified ListReply message. Does not implicitly {@link etransfer.ListReply.verify|verify} messages.
         * @param message ListReply message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.ListReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListReply message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.ListReply & etransfer.ListReply.$Shape} ListReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.ListReply & etransfer.ListReply.$Shape;
    }

    namespace ListReply {

        /** Properties of a ListReply. */
        interface $Properties {

            /** ListReply self */
            self?: (etransfer.FileInfo.$Properties|null);

            /** ListReply entries */
            entries?: (etransfer.FileInfo.$Properties[]|null);

            /** ListReply truncated */
            truncated?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListReply. */
        type $Shape = etransfer.ListReply.$Properties;
    }

    /** WriteMode enum. */
    enum WriteMode {

        /** WRITE_MODE_NEW value */
        WRITE_MODE_NEW = 0,

        /** WRITE_MODE_OVERWRITE value */
        WRITE_MODE_OVERWRITE = 1,

        /** WRITE_MODE_RESUME value */
        WRITE_MODE_RESUME = 2,

        /** WRITE_MODE_SKIP_EXISTING value */
        WRITE_MODE_SKIP_EXISTING = 3
    }

    /**
     * Properties of a FileSpec.
     * @deprecated Use etransfer.FileSpec.$Properties instead.
     */
    interface IFileSpec extends etransfer.FileSpec.$Properties {
    }

    /** Represents a FileSpec. */
    class FileSpec {

        /**
         * Constructs a new FileSpec.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.FileSpec.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FileSpec path. */
        path: string;

        /** FileSpec size. */
        size: (number|Long);

        /** FileSpec mode. */
        mode: number;

        /** FileSpec mtimeMs. */
        mtimeMs: (number|Long);

        /**
         * Creates a new FileSpec instance using the specified properties.
         * @param [properties] Properties to set
         * @returns FileSpec instance
         */
        static create(properties: etransfer.FileSpec.$Shape): etransfer.FileSpec & etransfer.FileSpec.$Shape;
        static create(properties?: etransfer.FileSpec.$Properties): etransfer.FileSpec;

        /**
         * Encodes the specified FileSpec message. Does not implicitly {@link etransfer.FileSpec.verify|verify} messages.
         * @param message FileSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.FileSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a FileSpec message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.FileSpec & etransfer.FileSpec.$Shape} FileSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.FileSpec & etransfer.FileSpec.$Shape;
    }

    namespace FileSpec {

        /** Properties of a FileSpec. */
        interface $Properties {

            /** FileSpec path */
            path?: (string|null);

            /** FileSpec size */
            size?: (number|Long|null);

            /** FileSpec mode */
            mode?: (number|null);

            /** FileSpec mtimeMs */
            mtimeMs?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FileSpec. */
        type $Shape = etransfer.FileSpec.$Properties;
    }

    /**
     * Properties of a FolderSpec.
     * @deprecated Use etransfer.FolderSpec.$Properties instead.
     */
    interface IFolderSpec extends etransfer.FolderSpec.$Properties {
    }

    /** Represents a FolderSpec. */
    class FolderSpec {

        /**
         * Constructs a new FolderSpec.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.FolderSpec.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** FolderSpec path. */
        path: string;

        /** FolderSpec mtimeMs. */
        mtimeMs: (number|Long);

        /**
         * Creates a new FolderSpec instance using the specified properties.
         * @param [properties] Properties to set
         * @returns FolderSpec instance
         */
        static create(properties: etransfer.FolderSpec.$Shape): etransfer.FolderSpec & etransfer.FolderSpec.$Shape;
        static create(properties?: etransfer.FolderSpec.$Properties): etransfer.FolderSpec;

        /**
         * Encodes the specified FolderSpec message. Does not implicitly {@link etransfer.FolderSpec.verify|verify} messages.
         * @param message FolderSpec message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.FolderSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a FolderSpec message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.FolderSpec & etransfer.FolderSpec.$Shape} FolderSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.FolderSpec & etransfer.FolderSpec.$Shape;
    }

    namespace FolderSpec {

        /** Properties of a FolderSpec. */
        interface $Properties {

            /** FolderSpec path */
            path?: (string|null);

            /** FolderSpec mtimeMs */
            mtimeMs?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a FolderSpec. */
        type $Shape = etransfer.FolderSpec.$Properties;
    }

    /**
     * Properties of a PrepareReceive.
     * @deprecated Use etransfer.PrepareReceive.$Properties instead.
     */
    interface IPrepareReceive extends etransfer.PrepareReceive.$Properties {
    }

    /** Represents a PrepareReceive. */
    class PrepareReceive {

        /**
         * Constructs a new PrepareReceive.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.PrepareReceive.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PrepareReceive files. */
        files: etransfer.FileSpec.$Properties[];

        /** PrepareReceive mode. */
        mode: etransfer.WriteMode;

        /** PrepareReceive streams. */
        streams: number;

        /** PrepareReceive chunkSizeBytes. */
        chunkSizeBytes: number;

        /** PrepareReceive dryRun. */
        dryRun: boolean;

        /** PrepareReceive folders. */
        folders: etransfer.FolderSpec.$Properties[];

        /**
         * Creates a new PrepareReceive instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PrepareReceive instance
         */
        static create(properties: etransfer.PrepareReceive.$Shape): etransfer.PrepareReceive & etransfer.PrepareReceive.$Shape;
        static create(properties?: etransfer.PrepareReceive.$Properties): etransfer.PrepareReceive;

        /**
         * Encodes the specified PrepareReceive message. Does not implicitly {@link etransfer.PrepareReceive.verify|verify} messages.
         * @param message PrepareReceive message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.PrepareReceive.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PrepareReceive message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.PrepareReceive & etransfer.PrepareReceive.$Shape} PrepareReceive
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.PrepareReceive & etransfer.PrepareReceive.$Shape;
    }

    namespace PrepareReceive {

        /** Properties of a PrepareReceive. */
        interface $Properties {

            /** PrepareReceive files */
            files?: (etransfer.FileSpec.$Properties[]|null);

            /** PrepareReceive mode */
            mode?: (etransfer.WriteMode|null);

            /** PrepareReceive streams */
            streams?: (number|null);

            /** PrepareReceive chunkSizeBytes */
            chunkSizeBytes?: (number|null);

            /** PrepareReceive dryRun */
            dryRun?: (boolean|null);

            /** PrepareReceive folders */
            folders?: (etransfer.FolderSpec.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PrepareReceive. */
        type $Shape = etransfer.PrepareReceive.$Properties;
    }

    /**
     * Properties of a ReceiveReady.
     * @deprecated Use etransfer.ReceiveReady.$Properties instead.
     */
    interface IReceiveReady extends etransfer.ReceiveReady.$Properties {
    }

    /** Represents a ReceiveReady. */
    class ReceiveReady {

        /**
         * Constructs a new ReceiveReady.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.ReceiveReady.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ReceiveReady transferId. */
        transferId: Uint8Array;

        /** ReceiveReady ticket. */
        ticket: Uint8Array;

        /** ReceiveReady files. */
        files: etransfer.Status.$Properties[];

        /** ReceiveReady streams. */
        streams: number;

        /** ReceiveReady chunkSizeBytes. */
        chunkSizeBytes: number;

        /** ReceiveReady dataAddresses. */
        dataAddresses: string[];

        /** ReceiveReady dryRun. */
        dryRun: boolean;

        /** ReceiveReady freeBytes. */
        freeBytes: (number|Long);

        /** ReceiveReady neededBytes. */
        neededBytes: (number|Long);

        /** ReceiveReady folders. */
        folders: etransfer.Status.$Properties[];

        /**
         * Creates a new ReceiveReady instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ReceiveReady instance
         */
        static create(properties: etransfer.ReceiveReady.$Shape): etransfer.ReceiveReady & etransfer.ReceiveReady.$Shape;
        static create(properties?: etransfer.ReceiveReady.$Properties): etransfer.ReceiveReady;

        /**
         * Encodes the specified ReceiveReady message. Does not implicitly {@link etransfer.ReceiveReady.verify|verify} messages.
         * @param message ReceiveReady message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.ReceiveReady.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ReceiveReady message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.ReceiveReady & etransfer.ReceiveReady.$Shape} ReceiveReady
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.ReceiveReady & etransfer.ReceiveReady.$Shape;
    }

    namespace ReceiveReady {

        /** Properties of a ReceiveReady. */
        interface $Properties {

            /** ReceiveReady transferId */
            transferId?: (Uint8Array|null);

            /** ReceiveReady ticket */
            ticket?: (Uint8Array|null);

            /** ReceiveReady files */
            files?: (etransfer.Status.$Properties[]|null);

            /** ReceiveReady streams */
            streams?: (number|null);

            /** ReceiveReady chunkSizeBytes */
            chunkSizeBytes?: (number|null);

            /** ReceiveReady dataAddresses */
            dataAddresses?: (string[]|null);

            /** ReceiveReady dryRun */
            dryRun?: (boolean|null);

            /** ReceiveReady freeBytes */
            freeBytes?: (number|Long|null);

            /** ReceiveReady neededBytes */
            neededBytes?: (number|Long|null);

            /** ReceiveReady folders */
            folders?: (etransfer.Status.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ReceiveReady. */
        type $Shape = etransfer.ReceiveReady.$Properties;
    }

    /**
     * Properties of a PrepareSend.
     * @deprecated Use etransfer.PrepareSend.$Properties instead.
     */
    interface IPrepareSend extends etransfer.PrepareSend.$Properties {
    }

    /** Represents a PrepareSend. */
    class PrepareSend {

        /**
         * Constructs a new PrepareSend.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.PrepareSend.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PrepareSend transferId. */
        transferId: Uint8Array;

        /** PrepareSend ticket. */
        ticket: Uint8Array;

        /** PrepareSend files. */
        files: etransfer.FileSpec.$Properties[];

        /** PrepareSend streams. */
        streams: number;

        /** PrepareSend chunkSizeBytes. */
        chunkSizeBytes: number;

        /** PrepareSend dialAddresses. */
        dialAddresses: string[];

        /** PrepareSend accepted. */
        accepted: number[];

        /** PrepareSend peerCertificateSha256. */
        peerCertificateSha256: Uint8Array;

        /** PrepareSend fallback. */
        fallback: boolean;

        /**
         * Creates a new PrepareSend instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PrepareSend instance
         */
        static create(properties: etransfer.PrepareSend.$Shape): etransfer.PrepareSend & etransfer.PrepareSend.$Shape;
        static create(properties?: etransfer.PrepareSend.$Properties): etransfer.PrepareSend;

        /**
         * Encodes the specified PrepareSend message. Does not implicitly {@link etransfer.PrepareSend.verify|verify} messages.
         * @param message PrepareSend message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.PrepareSend.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PrepareSend message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.PrepareSend & etransfer.PrepareSend.$Shape} PrepareSend
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.PrepareSend & etransfer.PrepareSend.$Shape;
    }

    namespace PrepareSend {

        /** Properties of a PrepareSend. */
        interface $Properties {

            /** PrepareSend transferId */
            transferId?: (Uint8Array|null);

            /** PrepareSend ticket */
            ticket?: (Uint8Array|null);

            /** PrepareSend files */
            files?: (etransfer.FileSpec.$Properties[]|null);

            /** PrepareSend streams */
            streams?: (number|null);

            /** PrepareSend chunkSizeBytes */
            chunkSizeBytes?: (number|null);

            /** PrepareSend dialAddresses */
            dialAddresses?: (string[]|null);

            /** PrepareSend accepted */
            accepted?: (number[]|null);

            /** PrepareSend peerCertificateSha256 */
            peerCertificateSha256?: (Uint8Array|null);

            /** PrepareSend fallback */
            fallback?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PrepareSend. */
        type $Shape = etransfer.PrepareSend.$Properties;
    }

    /**
     * Properties of a SendReady.
     * @deprecated Use etransfer.SendReady.$Properties instead.
     */
    interface ISendReady extends etransfer.SendReady.$Properties {
    }

    /** Represents a SendReady. */
    class SendReady {

        /**
         * Constructs a new SendReady.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.SendReady.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SendReady files. */
        files: etransfer.Status.$Properties[];

        /** SendReady dataAddresses. */
        dataAddresses: string[];

        /**
         * Creates a new SendReady instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SendReady instance
         */
        static create(properties: etransfer.SendReady.$Shape): etransfer.SendReady & etransfer.SendReady.$Shape;
        static create(properties?: etransfer.SendReady.$Properties): etransfer.SendReady;

        /**
         * Encodes the specified SendReady message. Does not implicitly {@link etransfer.SendReady.verify|verify} messages.
         * @param message SendReady message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.SendReady.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SendReady message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.SendReady & etransfer.SendReady.$Shape} SendReady
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.SendReady & etransfer.SendReady.$Shape;
    }

    namespace SendReady {

        /** Properties of a SendReady. */
        interface $Properties {

            /** SendReady files */
            files?: (etransfer.Status.$Properties[]|null);

            /** SendReady dataAddresses */
            dataAddresses?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SendReady. */
        type $Shape = etransfer.SendReady.$Properties;
    }

    /**
     * Properties of a ConnectData.
     * @deprecated Use etransfer.ConnectData.$Properties instead.
     */
    interface IConnectData extends etransfer.ConnectData.$Properties {
    }

    /** Represents a ConnectData. */
    class ConnectData {

        /**
         * Constructs a new ConnectData.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.ConnectData.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConnectData transferId. */
        transferId: Uint8Array;

        /** ConnectData dialAddresses. */
        dialAddresses: string[];

        /** ConnectData peerCertificateSha256. */
        peerCertificateSha256: Uint8Array;

        /** ConnectData fallback. */
        fallback: boolean;

        /** ConnectData relay. */
        relay: boolean;

        /** ConnectData relayCertificateSha256. */
        relayCertificateSha256: Uint8Array;

        /**
         * Creates a new ConnectData instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ConnectData instance
         */
        static create(properties: etransfer.ConnectData.$Shape): etransfer.ConnectData & etransfer.ConnectData.$Shape;
        static create(properties?: etransfer.ConnectData.$Properties): etransfer.ConnectData;

        /**
         * Encodes the specified ConnectData message. Does not implicitly {@link etransfer.ConnectData.verify|verify} messages.
         * @param message ConnectData message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.ConnectData.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConnectData message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.ConnectData & etransfer.ConnectData.$Shape} ConnectData
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.ConnectData & etransfer.ConnectData.$Shape;
    }

    namespace ConnectData {

        /** Properties of a ConnectData. */
        interface $Properties {

            /** ConnectData transferId */
            transferId?: (Uint8Array|null);

            /** ConnectData dialAddresses */
            dialAddresses?: (string[]|null);

            /** ConnectData peerCertificateSha256 */
            peerCertificateSha256?: (Uint8Array|null);

            /** ConnectData fallback */
            fallback?: (boolean|null);

            /** ConnectData relay */
            relay?: (boolean|null);

            /** ConnectData relayCertificateSha256 */
            relayCertificateSha256?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConnectData. */
        type $Shape = etransfer.ConnectData.$Properties;
    }

    /**
     * Properties of a PrepareRelay.
     * @deprecated Use etransfer.PrepareRelay.$Properties instead.
     */
    interface IPrepareRelay extends etransfer.PrepareRelay.$Properties {
    }

    /** Represents a PrepareRelay. */
    class PrepareRelay {

        /**
         * Constructs a new PrepareRelay.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.PrepareRelay.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PrepareRelay transferId. */
        transferId: Uint8Array;

        /** PrepareRelay relayKey. */
        relayKey: Uint8Array;

        /** PrepareRelay streams. */
        streams: number;

        /**
         * Creates a new PrepareRelay instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PrepareRelay instance
         */
        static create(properties: etransfer.PrepareRelay.$Shape): etransfer.PrepareRelay & etransfer.PrepareRelay.$Shape;
        static create(properties?: etransfer.PrepareRelay.$Properties): etransfer.PrepareRelay;

        /**
         * Encodes the specified PrepareRelay message. Does not implicitly {@link etransfer.PrepareRelay.verify|verify} messages.
         * @param message PrepareRelay message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.PrepareRelay.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PrepareRelay message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.PrepareRelay & etransfer.PrepareRelay.$Shape} PrepareRelay
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.PrepareRelay & etransfer.PrepareRelay.$Shape;
    }

    namespace PrepareRelay {

        /** Properties of a PrepareRelay. */
        interface $Properties {

            /** PrepareRelay transferId */
            transferId?: (Uint8Array|null);

            /** PrepareRelay relayKey */
            relayKey?: (Uint8Array|null);

            /** PrepareRelay streams */
            streams?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PrepareRelay. */
        type $Shape = etransfer.PrepareRelay.$Properties;
    }

    /**
     * Properties of a RelayReady.
     * @deprecated Use etransfer.RelayReady.$Properties instead.
     */
    interface IRelayReady extends etransfer.RelayReady.$Properties {
    }

    /** Represents a RelayReady. */
    class RelayReady {

        /**
         * Constructs a new RelayReady.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.RelayReady.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RelayReady dataAddresses. */
        dataAddresses: string[];

        /**
         * Creates a new RelayReady instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RelayReady instance
         */
        static create(properties: etransfer.RelayReady.$Shape): etransfer.RelayReady & etransfer.RelayReady.$Shape;
        static create(properties?: etransfer.RelayReady.$Properties): etransfer.RelayReady;

        /**
         * Encodes the specified RelayReady message. Does not implicitly {@link etransfer.RelayReady.verify|verify} messages.
         * @param message RelayReady message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.RelayReady.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RelayReady message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.RelayReady & etransfer.RelayReady.$Shape} RelayReady
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.RelayReady & etransfer.RelayReady.$Shape;
    }

    namespace RelayReady {

        /** Properties of a RelayReady. */
        interface $Properties {

            /** RelayReady dataAddresses */
            dataAddresses?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RelayReady. */
        type $Shape = etransfer.RelayReady.$Properties;
    }

    /**
     * Properties of an Ack.
     * @deprecated Use etransfer.Ack.$Properties instead.
     */
    interface IAck extends etransfer.Ack.$Properties {
    }

    /** Represents an Ack. */
    class Ack {

        /**
         * Constructs a new Ack.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.Ack.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new Ack instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Ack instance
         */
        static create(properties: etransfer.Ack.$Shape): etransfer.Ack & etransfer.Ack.$Shape;
        static create(properties?: etransfer.Ack.$Properties): etransfer.Ack;

        /**
         * Encodes the specified Ack message. Does not implicitly {@link etransfer.Ack.verify|verify} messages.
         * @param message Ack message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Ack message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.Ack & etransfer.Ack.$Shape} Ack
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.Ack & etransfer.Ack.$Shape;
    }

    namespace Ack {

        /** Properties of an Ack. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Ack. */
        type $Shape = etransfer.Ack.$Properties;
    }

    /** EventKind enum. */
    enum EventKind {

        /** EVENT_KIND_UNKNOWN value */
        EVENT_KIND_UNKNOWN = 0,

        /** EVENT_KIND_PROGRESS value */
        EVENT_KIND_PROGRESS = 1,

        /** EVENT_KIND_FILE_DONE value */
        EVENT_KIND_FILE_DONE = 2,

        /** EVENT_KIND_FILE_FAILED value */
        EVENT_KIND_FILE_FAILED = 3,

        /** EVENT_KIND_TRANSFER_DONE value */
        EVENT_KIND_TRANSFER_DONE = 4,

        /** EVENT_KIND_TRANSFER_FAILED value */
        EVENT_KIND_TRANSFER_FAILED = 5,

        /** EVENT_KIND_DATA_CONNECTED value */
        EVENT_KIND_DATA_CONNECTED = 6,

        /** EVENT_KIND_DIAL_FAILED value */
        EVENT_KIND_DIAL_FAILED = 7
    }

    /**
     * Properties of a TransferEvent.
     * @deprecated Use etransfer.TransferEvent.$Properties instead.
     */
    interface ITransferEvent extends etransfer.TransferEvent.$Properties {
    }

    /** Represents a TransferEvent. */
    class TransferEvent {

        /**
         * Constructs a new TransferEvent.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.TransferEvent.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TransferEvent transferId. */
        transferId: Uint8Array;

        /** TransferEvent kind. */
        kind: etransfer.EventKind;

        /** TransferEvent fileIndex. */
        fileIndex: number;

        /** TransferEvent progressFiles. */
        progressFiles: number[];

        /** TransferEvent progressBytes. */
        progressBytes: (number|Long)[];

        /** TransferEvent status. */
        status?: (etransfer.Status.$Properties|null);

        /** TransferEvent bytes. */
        bytes: (number|Long);

        /** TransferEvent digest. */
        digest: Uint8Array;

        /** TransferEvent address. */
        address: string;

        /**
         * Creates a new TransferEvent instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TransferEvent instance
         */
        static create(properties: etransfer.TransferEvent.$Shape): etransfer.TransferEvent & etransfer.TransferEvent.$Shape;
        static create(properties?: etransfer.TransferEvent.$Properties): etransfer.TransferEvent;

        /**
         * Encodes the specified TransferEvent message. Does not implicitly {@link etransfer.TransferEvent.verify|verify} messages.
         * @param message TransferEvent message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.TransferEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TransferEvent message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.TransferEvent & etransfer.TransferEvent.$Shape} TransferEvent
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.TransferEvent & etransfer.TransferEvent.$Shape;
    }

    namespace TransferEvent {

        /** Properties of a TransferEvent. */
        interface $Properties {

            /** TransferEvent transferId */
            transferId?: (Uint8Array|null);

            /** TransferEvent kind */
            kind?: (etransfer.EventKind|null);

            /** TransferEvent fileIndex */
            fileIndex?: (number|null);

            /** TransferEvent progressFiles */
            progressFiles?: (number[]|null);

            /** TransferEvent progressBytes */
            progressBytes?: ((number|Long)[]|null);

            /** TransferEvent status */
            status?: (etransfer.Status.$Properties|null);

            /** TransferEvent bytes */
            bytes?: (number|Long|null);

            /** TransferEvent digest */
            digest?: (Uint8Array|null);

            /** TransferEvent address */
            address?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TransferEvent. */
        type $Shape = etransfer.TransferEvent.$Properties;
    }

    /**
     * Properties of a CancelTransfer.
     * @deprecated Use etransfer.CancelTransfer.$Properties instead.
     */
    interface ICancelTransfer extends etransfer.CancelTransfer.$Properties {
    }

    /** Represents a CancelTransfer. */
    class CancelTransfer {

        /**
         * Constructs a new CancelTransfer.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.CancelTransfer.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CancelTransfer transferId. */
        transferId: Uint8Array;

        /**
         * Creates a new CancelTransfer instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CancelTransfer instance
         */
        static create(properties: etransfer.CancelTransfer.$Shape): etransfer.CancelTransfer & etransfer.CancelTransfer.$Shape;
        static create(properties?: etransfer.CancelTransfer.$Properties): etransfer.CancelTransfer;

        /**
         * Encodes the specified CancelTransfer message. Does not implicitly {@link etransfer.CancelTransfer.verify|verify} messages.
         * @param message CancelTransfer message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.CancelTransfer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CancelTransfer message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.CancelTransfer & etransfer.CancelTransfer.$Shape} CancelTransfer
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.CancelTransfer & etransfer.CancelTransfer.$Shape;
    }

    namespace CancelTransfer {

        /** Properties of a CancelTransfer. */
        interface $Properties {

            /** CancelTransfer transferId */
            transferId?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CancelTransfer. */
        type $Shape = etransfer.CancelTransfer.$Properties;
    }

    /**
     * Properties of an Authenticate.
     * @deprecated Use etransfer.Authenticate.$Properties instead.
     */
    interface IAuthenticate extends etransfer.Authenticate.$Properties {
    }

    /** Represents an Authenticate. */
    class Authenticate {

        /**
         * Constructs a new Authenticate.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.Authenticate.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Authenticate user. */
        user: string;

        /** Authenticate publicKey. */
        publicKey: Uint8Array;

        /** Authenticate signature. */
        signature: Uint8Array;

        /**
         * Creates a new Authenticate instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Authenticate instance
         */
        static create(properties: etransfer.Authenticate.$Shape): etransfer.Authenticate & etransfer.Authenticate.$Shape;
        static create(properties?: etransfer.Authenticate.$Properties): etransfer.Authenticate;

        /**
         * Encodes the specified Authenticate message. Does not implicitly {@link etransfer.Authenticate.verify|verify} messages.
         * @param message Authenticate message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.Authenticate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Authenticate message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.Authenticate & etransfer.Authenticate.$Shape} Authenticate
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.Authenticate & etransfer.Authenticate.$Shape;
    }

    namespace Authenticate {

        /** Properties of an Authenticate. */
        interface $Properties {

            /** Authenticate user */
            user?: (string|null);

            /** Authenticate publicKey */
            publicKey?: (Uint8Array|null);

            /** Authenticate signature */
            signature?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Authenticate. */
        type $Shape = etransfer.Authenticate.$Properties;
    }

    /**
     * Properties of an ExpandRequest.
     * @deprecated Use etransfer.ExpandRequest.$Properties instead.
     */
    interface IExpandRequest extends etransfer.ExpandRequest.$Properties {
    }

    /** Represents an ExpandRequest. */
    class ExpandRequest {

        /**
         * Constructs a new ExpandRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.ExpandRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ExpandRequest paths. */
        paths: string[];

        /** ExpandRequest recursive. */
        recursive: boolean;

        /** ExpandRequest right. */
        right: string;

        /**
         * Creates a new ExpandRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ExpandRequest instance
         */
        static create(properties: etransfer.ExpandRequest.$Shape): etransfer.ExpandRequest & etransfer.ExpandRequest.$Shape;
        static create(properties?: etransfer.ExpandRequest.$Properties): etransfer.ExpandRequest;

        /**
         * Encodes the specified ExpandRequest message. Does not implicitly {@link etransfer.ExpandRequest.verify|verify} messages.
         * @param message ExpandRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.ExpandRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an ExpandRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.ExpandRequest & etransfer.ExpandRequest.$Shape} ExpandRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.ExpandRequest & etransfer.ExpandRequest.$Shape;
    }

    namespace ExpandRequest {

        /** Properties of an ExpandRequest. */
        interface $Properties {

            /** ExpandRequest paths */
            paths?: (string[]|null);

            /** ExpandRequest recursive */
            recursive?: (boolean|null);

            /** ExpandRequest right */
            right?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an ExpandRequest. */
        type $Shape = etransfer.ExpandRequest.$Properties;
    }

    /**
     * Properties of an ExpandEntry.
     * @deprecated Use etransfer.ExpandEntry.$Properties instead.
     */
    interface IExpandEntry extends etransfer.ExpandEntry.$Properties {
    }

    /** Represents an ExpandEntry. */
    class ExpandEntry {

        /**
         * Constructs a new ExpandEntry.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.ExpandEntry.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ExpandEntry path. */
        path: string;

        /** ExpandEntry status. */
        status?: (etransfer.Status.$Properties|null);

        /** ExpandEntry info. */
        info?: (etransfer.FileInfo.$Properties|null);

        /**
         * Creates a new ExpandEntry instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ExpandEntry instance
         */
        static create(properties: etransfer.ExpandEntry.$Shape): etransfer.ExpandEntry & etransfer.ExpandEntry.$Shape;
        static create(properties?: etransfer.ExpandEntry.$Properties): etransfer.ExpandEntry;

        /**
         * Encodes the specified ExpandEntry message. Does not implicitly {@link etransfer.ExpandEntry.verify|verify} messages.
         * @param message ExpandEntry message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.ExpandEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an ExpandEntry message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.ExpandEntry & etransfer.ExpandEntry.$Shape} ExpandEntry
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.ExpandEntry & etransfer.ExpandEntry.$Shape;
    }

    namespace ExpandEntry {

        /** Properties of an ExpandEntry. */
        interface $Properties {

            /** ExpandEntry path */
            path?: (string|null);

            /** ExpandEntry status */
            status?: (etransfer.Status.$Properties|null);

            /** ExpandEntry info */
            info?: (etransfer.FileInfo.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an ExpandEntry. */
        type $Shape = etransfer.ExpandEntry.$Properties;
    }

    /**
     * Properties of an ExpandRoot.
     * @deprecated Use etransfer.ExpandRoot.$Properties instead.
     */
    interface IExpandRoot extends etransfer.ExpandRoot.$Properties {
    }

    /** Represents an ExpandRoot. */
    class ExpandRoot {

        /**
         * Constructs a new ExpandRoot.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.ExpandRoot.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ExpandRoot source. */
        source: number;

        /** ExpandRoot path. */
        path: string;

        /** ExpandRoot status. */
        status?: (etransfer.Status.$Properties|null);

        /** ExpandRoot info. */
        info?: (etransfer.FileInfo.$Properties|null);

        /** ExpandRoot entries. */
        entries: etransfer.ExpandEntry.$Properties[];

        /**
         * Creates a new ExpandRoot instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ExpandRoot instance
         */
        static create(properties: etransfer.ExpandRoot.$Shape): etransfer.ExpandRoot & etransfer.ExpandRoot.$Shape;
        static create(properties?: etransfer.ExpandRoot.$Properties): etransfer.ExpandRoot;

        /**
         * Encodes the specified ExpandRoot message. Does not implicitly {@link etransfer.ExpandRoot.verify|verify} messages.
         * @param message ExpandRoot message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.ExpandRoot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an ExpandRoot message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.ExpandRoot & etransfer.ExpandRoot.$Shape} ExpandRoot
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.ExpandRoot & etransfer.ExpandRoot.$Shape;
    }

    namespace ExpandRoot {

        /** Properties of an ExpandRoot. */
        interface $Properties {

            /** ExpandRoot source */
            source?: (number|null);

            /** ExpandRoot path */
            path?: (string|null);

            /** ExpandRoot status */
            status?: (etransfer.Status.$Properties|null);

            /** ExpandRoot info */
            info?: (etransfer.FileInfo.$Properties|null);

            /** ExpandRoot entries */
            entries?: (etransfer.ExpandEntry.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an ExpandRoot. */
        type $Shape = etransfer.ExpandRoot.$Properties;
    }

    /**
     * Properties of an ExpandReply.
     * @deprecated Use etransfer.ExpandReply.$Properties instead.
     */
    interface IExpandReply extends etransfer.ExpandReply.$Properties {
    }

    /** Represents an ExpandReply. */
    class ExpandReply {

        /**
         * Constructs a new ExpandReply.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.ExpandReply.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ExpandReply roots. */
        roots: etransfer.ExpandRoot.$Properties[];

        /**
         * Creates a new ExpandReply instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ExpandReply instance
         */
        static create(properties: etransfer.ExpandReply.$Shape): etransfer.ExpandReply & etransfer.ExpandReply.$Shape;
        static create(properties?: etransfer.ExpandReply.$Properties): etransfer.ExpandReply;

        /**
         * Encodes the specified ExpandReply message. Does not implicitly {@link etransfer.ExpandReply.verify|verify} messages.
         * @param message ExpandReply message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.ExpandReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an ExpandReply message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.ExpandReply & etransfer.ExpandReply.$Shape} ExpandReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.ExpandReply & etransfer.ExpandReply.$Shape;
    }

    namespace ExpandReply {

        /** Properties of an ExpandReply. */
        interface $Properties {

            /** ExpandReply roots */
            roots?: (etransfer.ExpandRoot.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an ExpandReply. */
        type $Shape = etransfer.ExpandReply.$Properties;
    }

    /**
     * Properties of a StatusRequest.
     * @deprecated Use etransfer.StatusRequest.$Properties instead.
     */
    interface IStatusRequest extends etransfer.StatusRequest.$Properties {
    }

    /** Represents a StatusRequest. */
    class StatusRequest {

        /**
         * Constructs a new StatusRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.StatusRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new StatusRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StatusRequest instance
         */
        static create(properties: etransfer.StatusRequest.$Shape): etransfer.StatusRequest & etransfer.StatusRequest.$Shape;
        static create(properties?: etransfer.StatusRequest.$Properties): etransfer.StatusRequest;

        /**
         * Encodes the specified StatusRequest message. Does not implicitly {@link etransfer.StatusRequest.verify|verify} messages.
         * @param message StatusRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.StatusRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StatusRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.StatusRequest & etransfer.StatusRequest.$Shape} StatusRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.StatusRequest & etransfer.StatusRequest.$Shape;
    }

    namespace StatusRequest {

        /** Properties of a StatusRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a StatusRequest. */
        type $Shape = etransfer.StatusRequest.$Properties;
    }

    /**
     * Properties of a TransferStatus.
     * @deprecated Use etransfer.TransferStatus.$Properties instead.
     */
    interface ITransferStatus extends etransfer.TransferStatus.$Properties {
    }

    /** Represents a TransferStatus. */
    class TransferStatus {

        /**
         * Constructs a new TransferStatus.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.TransferStatus.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TransferStatus transferId. */
        transferId: Uint8Array;

        /** TransferStatus owner. */
        owner: string;

        /** TransferStatus role. */
        role: string;

        /** TransferStatus dials. */
        dials: boolean;

        /** TransferStatus files. */
        files: number;

        /** TransferStatus bytesTotal. */
        bytesTotal: (number|Long);

        /** TransferStatus bytesDone. */
        bytesDone: (number|Long);

        /** TransferStatus startedMs. */
        startedMs: (number|Long);

        /** TransferStatus peers. */
        peers: string[];

        /** TransferStatus streams. */
        streams: number;

        /**
         * Creates a new TransferStatus instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TransferStatus instance
         */
        static create(properties: etransfer.TransferStatus.$Shape): etransfer.TransferStatus & etransfer.TransferStatus.$Shape;
        static create(properties?: etransfer.TransferStatus.$Properties): etransfer.TransferStatus;

        /**
         * Encodes the specified TransferStatus message. Does not implicitly {@link etransfer.TransferStatus.verify|verify} messages.
         * @param message TransferStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.TransferStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TransferStatus message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.TransferStatus & etransfer.TransferStatus.$Shape} TransferStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.TransferStatus & etransfer.TransferStatus.$Shape;
    }

    namespace TransferStatus {

        /** Properties of a TransferStatus. */
        interface $Properties {

            /** TransferStatus transferId */
            transferId?: (Uint8Array|null);

            /** TransferStatus owner */
            owner?: (string|null);

            /** TransferStatus role */
            role?: (string|null);

            /** TransferStatus dials */
            dials?: (boolean|null);

            /** TransferStatus files */
            files?: (number|null);

            /** TransferStatus bytesTotal */
            bytesTotal?: (number|Long|null);

            /** TransferStatus bytesDone */
            bytesDone?: (number|Long|null);

            /** TransferStatus startedMs */
            startedMs?: (number|Long|null);

            /** TransferStatus peers */
            peers?: (string[]|null);

            /** TransferStatus streams */
            streams?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TransferStatus. */
        type $Shape = etransfer.TransferStatus.$Properties;
    }

    /**
     * Properties of a StatusReply.
     * @deprecated Use etransfer.StatusReply.$Properties instead.
     */
    interface IStatusReply extends etransfer.StatusReply.$Properties {
    }

    /** Represents a StatusReply. */
    class StatusReply {

        /**
         * Constructs a new StatusReply.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.StatusReply.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** StatusReply transfers. */
        transfers: etransfer.TransferStatus.$Properties[];

        /** StatusReply server. */
        server?: (etransfer.ServerStatus.$Properties|null);

        /**
         * Creates a new StatusReply instance using the specified properties.
         * @param [properties] Properties to set
         * @returns StatusReply instance
         */
        static create(properties: etransfer.StatusReply.$Shape): etransfer.StatusReply & etransfer.StatusReply.$Shape;
        static create(properties?: etransfer.StatusReply.$Properties): etransfer.StatusReply;

        /**
         * Encodes the specified StatusReply message. Does not implicitly {@link etransfer.StatusReply.verify|verify} messages.
         * @param message StatusReply message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.StatusReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a StatusReply message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.StatusReply & etransfer.StatusReply.$Shape} StatusReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.StatusReply & etransfer.StatusReply.$Shape;
    }

    namespace StatusReply {

        /** Properties of a StatusReply. */
        interface $Properties {

            /** StatusReply transfers */
            transfers?: (etransfer.TransferStatus.$Properties[]|null);

            /** StatusReply server */
            server?: (etransfer.ServerStatus.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a StatusReply. */
        type $Shape = etransfer.StatusReply.$Properties;
    }

    /**
     * Properties of a ServerStatus.
     * @deprecated Use etransfer.ServerStatus.$Properties instead.
     */
    interface IServerStatus extends etransfer.ServerStatus.$Properties {
    }

    /** Represents a ServerStatus. */
    class ServerStatus {

        /**
         * Constructs a new ServerStatus.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.ServerStatus.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ServerStatus version. */
        version: string;

        /** ServerStatus startedMs. */
        startedMs: (number|Long);

        /** ServerStatus bytesSent. */
        bytesSent: (number|Long);

        /** ServerStatus bytesReceived. */
        bytesReceived: (number|Long);

        /** ServerStatus filesSent. */
        filesSent: (number|Long);

        /** ServerStatus filesReceived. */
        filesReceived: (number|Long);

        /** ServerStatus transfersDone. */
        transfersDone: (number|Long);

        /** ServerStatus transfersFailed. */
        transfersFailed: (number|Long);

        /** ServerStatus activeTransfers. */
        activeTransfers: number;

        /** ServerStatus errors. */
        errors: etransfer.RecentError.$Properties[];

        /**
         * Creates a new ServerStatus instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ServerStatus instance
         */
        static create(properties: etransfer.ServerStatus.$Shape): etransfer.ServerStatus & etransfer.ServerStatus.$Shape;
        static create(properties?: etransfer.ServerStatus.$Properties): etransfer.ServerStatus;

        /**
         * Encodes the specified ServerStatus message. Does not implicitly {@link etransfer.ServerStatus.verify|verify} messages.
         * @param message ServerStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.ServerStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ServerStatus message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.ServerStatus & etransfer.ServerStatus.$Shape} ServerStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.ServerStatus & etransfer.ServerStatus.$Shape;
    }

    namespace ServerStatus {

        /** Properties of a ServerStatus. */
        interface $Properties {

            /** ServerStatus version */
            version?: (string|null);

            /** ServerStatus startedMs */
            startedMs?: (number|Long|null);

            /** ServerStatus bytesSent */
            bytesSent?: (number|Long|null);

            /** ServerStatus bytesReceived */
            bytesReceived?: (number|Long|null);

            /** ServerStatus filesSent */
            filesSent?: (number|Long|null);

            /** ServerStatus filesReceived */
            filesReceived?: (number|Long|null);

            /** ServerStatus transfersDone */
            transfersDone?: (number|Long|null);

            /** ServerStatus transfersFailed */
            transfersFailed?: (number|Long|null);

            /** ServerStatus activeTransfers */
            activeTransfers?: (number|null);

            /** ServerStatus errors */
            errors?: (etransfer.RecentError.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ServerStatus. */
        type $Shape = etransfer.ServerStatus.$Properties;
    }

    /**
     * Properties of a RecentError.
     * @deprecated Use etransfer.RecentError.$Properties instead.
     */
    interface IRecentError extends etransfer.RecentError.$Properties {
    }

    /** Represents a RecentError. */
    class RecentError {

        /**
         * Constructs a new RecentError.
         * @param [properties] Properties to set
         */
        constructor(properties?: etransfer.RecentError.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RecentError atMs. */
        atMs: (number|Long);

        /** RecentError code. */
        code: string;

        /** RecentError message. */
        message: string;

        /** RecentError scope. */
        scope: string;

        /** RecentError role. */
        role: string;

        /**
         * Creates a new RecentError instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RecentError instance
         */
        static create(properties: etransfer.RecentError.$Shape): etransfer.RecentError & etransfer.RecentError.$Shape;
        static create(properties?: etransfer.RecentError.$Properties): etransfer.RecentError;

        /**
         * Encodes the specified RecentError message. Does not implicitly {@link etransfer.RecentError.verify|verify} messages.
         * @param message RecentError message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: etransfer.RecentError.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RecentError message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {etransfer.RecentError & etransfer.RecentError.$Shape} RecentError
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): etransfer.RecentError & etransfer.RecentError.$Shape;
    }

    namespace RecentError {

        /** Properties of a RecentError. */
        interface $Properties {

            /** RecentError atMs */
            atMs?: (number|Long|null);

            /** RecentError code */
            code?: (string|null);

            /** RecentError message */
            message?: (string|null);

            /** RecentError scope */
            scope?: (string|null);

            /** RecentError role */
            role?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RecentError. */
        type $Shape = etransfer.RecentError.$Properties;
    }
}
