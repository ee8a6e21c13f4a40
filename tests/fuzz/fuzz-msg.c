/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The frames of nsrun's handshakes (lib/msg): what is decoded encodes to
 * the same bytes. Our own processes write them, but the helper and the
 * holder still must not trust a frame's length or text. */
#include <errno.h>

#include "fuzz.h"
#include "msg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char wire[MSG_WIRE_MAX];
	struct msg m;
	int n;

	memset(&m, 0xa5, sizeof(m));
	if (msg_decode(data, size, &m) < 0)
		return 0;
	FUZZ_CHECK(m.kind >= 1 && m.kind <= MSG_KIND_MAX);
	FUZZ_CHECK(strlen(m.text) == size - MSG_HEADER_SIZE);
	n = msg_encode(&m, wire, sizeof(wire));
	FUZZ_CHECK(n >= 0 && (size_t)n == size && !memcmp(wire, data, size));
	return 0;
}
